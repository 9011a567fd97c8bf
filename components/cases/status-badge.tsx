import { STATUS_LABELS, type CaseStatus } from "@/lib/cases/workflow";

const tones: Record<CaseStatus, string> = {
  draft: "border-stone-400 bg-stone-100 text-stone-900",
  submitted: "border-sky-700 bg-sky-50 text-sky-900",
  changes_requested: "border-amber-700 bg-amber-50 text-amber-950",
  signed_off: "border-green-700 bg-green-50 text-green-900",
  reopened: "border-violet-700 bg-violet-50 text-violet-900",
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${tones[status]}`}>{STATUS_LABELS[status]}</span>;
}
