"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitEntriesAction } from "@/lib/hours/actions/entries";
import { categoryLabel } from "@/lib/hours/categories";
import { shortDay } from "@/lib/hours/days";
import { formatDuration } from "@/lib/hours/duration";
import type { LedgerRow } from "@/lib/hours/ledger";
import { EntryStatusBadge } from "./labels";

/**
 * The ledger as a table. For the trainee, drafts and returned entries can be chosen and submitted
 * together (all of them are chosen to begin with); everyone else reads it.
 */
export function LedgerTable({ rows, canSubmit, caption = "Hour entries" }: { rows: LedgerRow[]; canSubmit: boolean; caption?: string }) {
  const router = useRouter();
  const submittable = rows.filter((r) => r.status === "draft" || r.status === "returned");
  // What the trainee unticked: everything else submittable is chosen, including rows that arrive
  // after a refresh.
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set());
  const chosen = { has: (id: string) => !excluded.has(id) };
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const selectable = canSubmit && submittable.length > 0;

  function toggle(id: string, on: boolean) {
    setExcluded((c) => {
      const n = new Set(c);
      if (on) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  function submit() {
    const ids = submittable.filter((r) => chosen.has(r.id)).map((r) => r.id);
    if (ids.length === 0) return setMessage({ tone: "error", text: "Choose at least one draft or returned entry to submit." });
    setMessage(null);
    start(async () => {
      const r = await submitEntriesAction({ ids });
      if (!r.ok) return setMessage({ tone: "error", text: r.error });
      setMessage({ tone: "success", text: `${r.data.submitted} ${r.data.submitted === 1 ? "entry" : "entries"} sent to your supervisor for approval.` });
      router.refresh();
    });
  }

  if (rows.length === 0) return <p className="text-stone-700">No entries here yet.</p>;
  return (
    <div className="space-y-3">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      {selectable ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={submit} disabled={pending}>
            {pending ? "Submitting…" : `Submit ${submittable.filter((r) => chosen.has(r.id)).length} chosen for approval`}
          </Button>
          <span className="text-sm text-stone-700">Drafts and returned entries are chosen; untick any that aren&apos;t ready.</span>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100">
            <tr>
              {selectable ? <th scope="col" className="px-3 py-2"><span className="sr-only">Submit</span></th> : null}
              <th scope="col" className="px-3 py-2">Date</th>
              <th scope="col" className="px-3 py-2">Category</th>
              <th scope="col" className="px-3 py-2">Duration</th>
              <th scope="col" className="px-3 py-2">Placement</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => {
              const canPick = selectable && (r.status === "draft" || r.status === "returned");
              return (
                <tr key={r.id} data-testid="ledger-row" data-status={r.status}>
                  {selectable ? (
                    <td className="px-3 py-2">
                      {canPick ? (
                        <input
                          type="checkbox"
                          className="h-5 w-5"
                          checked={chosen.has(r.id)}
                          onChange={(e) => toggle(r.id, e.target.checked)}
                          aria-label={`Submit ${shortDay(r.occurredOn)}, ${categoryLabel(r.category)}, ${formatDuration(r.minutes)}`}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/hours/entries/${r.id}`}>{shortDay(r.occurredOn)}</Link>
                  </td>
                  <td className="px-3 py-2">{categoryLabel(r.category)}</td>
                  <td className="whitespace-nowrap px-3 py-2" data-testid="ledger-duration">{formatDuration(r.minutes)}</td>
                  <td className="px-3 py-2">{r.placementName ?? (r.sessionId ? "Supervision session" : "—")}</td>
                  <td className="px-3 py-2">
                    <EntryStatusBadge status={r.status} superseded={Boolean(r.supersededBy)} />
                  </td>
                  <td className="px-3 py-2">
                    {r.status === "returned" && r.returnReason ? <span className="block text-red-900">Returned: {r.returnReason}</span> : null}
                    {r.status === "approved" && r.approvedBy ? <span className="block text-stone-700">Approved by {r.approvedBy}</span> : null}
                    {r.correctsEntryId ? <span className="block text-stone-700">Correction of an approved entry</span> : null}
                    {r.note ? <span className="block">{r.note}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
