import Link from "next/link";
import { formatDate, STATUS_LABELS } from "@/lib/onboarding/due";
import type { Checklist } from "@/lib/onboarding/checklist";

const STATUS_STYLE: Record<string, string> = {
  complete: "bg-green-100 text-green-900",
  overdue: "bg-red-100 text-red-900",
  in_progress: "bg-amber-100 text-amber-950",
  not_started: "bg-stone-200 text-stone-900",
};

export function ChecklistList({ checklist }: { checklist: Checklist }) {
  return (
    <ul className="divide-y divide-stone-200" data-testid="onboarding-checklist">
      {checklist.items.map((item, i) => (
        <li key={`${item.kind}-${item.href}-${i}`} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div className="flex items-start gap-3">
            <span aria-hidden="true" className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border ${item.done ? "border-green-700 bg-green-700 text-white" : "border-stone-500"}`}>
              {item.done ? "✓" : ""}
            </span>
            <div>
              {item.done ? <span className="font-medium">{item.label}</span> : <Link href={item.href} className="font-medium">{item.label}</Link>}
              <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
              {item.kind === "module" ? (
                <p className="text-sm text-stone-700">
                  Required module{item.dueAt ? <> · due {formatDate(item.dueAt)}</> : " · no due date"}
                </p>
              ) : null}
              {item.kind === "drill" ? (
                <p className="text-sm text-stone-700">
                  Practice drill set by {item.assignedBy}
                  {item.dueAt ? <> · due {formatDate(item.dueAt)}</> : " · no due date"}
                </p>
              ) : null}
            </div>
          </div>
          {item.kind === "module" || item.kind === "drill" ? (
            <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${STATUS_STYLE[item.status]}`}>{item.kind === "drill" && item.status === "not_started" ? "To do" : STATUS_LABELS[item.status]}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
