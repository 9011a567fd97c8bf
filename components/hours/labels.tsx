import type { EntryStatus } from "@/lib/hours/ledger";

export const STATUS_LABELS: Record<EntryStatus, string> = {
  draft: "Draft",
  submitted: "Waiting for approval",
  returned: "Returned",
  approved: "Approved",
};

const TONES: Record<EntryStatus, string> = {
  draft: "bg-stone-100 text-stone-900",
  submitted: "bg-amber-100 text-amber-950",
  returned: "bg-red-100 text-red-900",
  approved: "bg-green-100 text-green-900",
};

export function EntryStatusBadge({ status, superseded }: { status: EntryStatus; superseded?: boolean }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${superseded ? "bg-stone-100 text-stone-800" : TONES[status]}`} data-testid="entry-status">
      {superseded ? "Approved, replaced by a correction" : STATUS_LABELS[status]}
    </span>
  );
}
