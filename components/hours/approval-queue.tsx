"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { approveEntriesAction, returnEntriesAction } from "@/lib/hours/actions/approvals";
import type { QueueEntry } from "@/lib/hours/approvals";
import { categoryLabel } from "@/lib/hours/categories";
import { longDay, shortDay, weekStart } from "@/lib/hours/days";
import { formatDuration } from "@/lib/hours/duration";

type Group = { key: string; traineeName: string; week: string; entries: QueueEntry[] };

function groups(entries: QueueEntry[]): Group[] {
  const out = new Map<string, Group>();
  for (const e of entries) {
    const week = weekStart(e.occurredOn);
    const key = `${e.traineeMembershipId}|${week}`;
    const g = out.get(key) ?? { key, traineeName: e.traineeName, week, entries: [] };
    g.entries.push(e);
    out.set(key, g);
  }
  return [...out.values()];
}

/**
 * Entries waiting for the supervisor, by trainee and week. Choose entries (or a whole week), then
 * approve them under your typed name, or return them with a reason. Either applies to every chosen
 * entry at once, or to none.
 */
export function ApprovalQueue({ entries, supervisorName, truncated }: { entries: QueueEntry[]; supervisorName: string; truncated: boolean }) {
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [attestation, setAttestation] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ attestation?: string; reason?: string }>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const all = groups(entries);
  const picked = entries.filter((e) => chosen.has(e.id));
  const pickedMinutes = picked.reduce((n, e) => n + e.minutes, 0);

  function set(ids: string[], on: boolean) {
    setChosen((c) => {
      const n = new Set(c);
      for (const i of ids) if (on) n.add(i);
      else n.delete(i);
      return n;
    });
  }

  function decide(kind: "approve" | "return") {
    setMessage(null);
    setErrors({});
    if (picked.length === 0) return setMessage({ tone: "error", text: "Choose at least one entry first." });
    if (kind === "approve" && !attestation.trim()) return setErrors({ attestation: `Type your name (${supervisorName}) to sign.` });
    if (kind === "return" && reason.trim().length < 5) return setErrors({ reason: "Say what the trainee should fix (at least a few words)." });
    const refs = picked.map((e) => ({ id: e.id, version: e.version }));
    start(async () => {
      const r = kind === "approve" ? await approveEntriesAction({ entries: refs, attestation }) : await returnEntriesAction({ entries: refs, reason });
      if (!r.ok) {
        if (r.fieldErrors?.attestation?.[0]) setErrors({ attestation: r.fieldErrors.attestation[0] });
        else if (r.fieldErrors?.reason?.[0]) setErrors({ reason: r.fieldErrors.reason[0] });
        else setMessage({ tone: "error", text: r.error });
        return;
      }
      setMessage({ tone: "success", text: kind === "approve" ? `Approved ${refs.length} ${refs.length === 1 ? "entry" : "entries"} (${formatDuration(pickedMinutes)}).` : `Returned ${refs.length} ${refs.length === 1 ? "entry" : "entries"} to the trainee.` });
      setChosen(new Set());
      if (kind === "return") setReason("");
      router.refresh();
    });
  }

  return (
    <div className="space-y-5">
      <div aria-live="polite">
        {message ? (
          <Alert tone={message.tone} live>
            {message.text}
          </Alert>
        ) : null}
      </div>
      {entries.length === 0 ? <p className="text-stone-700" data-testid="queue-empty">Nothing is waiting for your approval.</p> : null}
      {truncated ? <Alert tone="warning">Showing the first 1,000 waiting entries. Decide these, and the rest will appear.</Alert> : null}
      {all.map((g) => {
        const ids = g.entries.map((e) => e.id);
        const allOn = ids.every((i) => chosen.has(i));
        const minutes = g.entries.reduce((n, e) => n + e.minutes, 0);
        return (
          <section key={g.key} aria-labelledby={`${id}-${g.key}`} className="rounded-lg border border-stone-200 bg-white" data-testid="queue-week">
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 px-4 py-3">
              <h3 id={`${id}-${g.key}`} className="font-semibold">
                {g.traineeName}: week of {longDay(g.week)} <span className="font-normal text-stone-700">({g.entries.length} {g.entries.length === 1 ? "entry" : "entries"}, {formatDuration(minutes)})</span>
              </h3>
              <label className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" className="h-5 w-5" checked={allOn} onChange={(e) => set(ids, e.target.checked)} />
                Choose the whole week
              </label>
            </div>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Entries of ${g.traineeName}, week of ${longDay(g.week)}`}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Entries of {g.traineeName}, week of {longDay(g.week)}</caption>
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className="px-3 py-2"><span className="sr-only">Choose</span></th>
                    <th scope="col" className="px-3 py-2">Date</th>
                    <th scope="col" className="px-3 py-2">Category</th>
                    <th scope="col" className="px-3 py-2">Duration</th>
                    <th scope="col" className="px-3 py-2">Placement</th>
                    <th scope="col" className="px-3 py-2">Note</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {g.entries.map((e) => (
                    <tr key={e.id} data-testid="queue-entry">
                      <td className="px-3 py-2">
                        <input
                          type="checkbox"
                          className="h-5 w-5"
                          checked={chosen.has(e.id)}
                          onChange={(ev) => set([e.id], ev.target.checked)}
                          aria-label={`Choose ${g.traineeName}, ${shortDay(e.occurredOn)}, ${categoryLabel(e.category)}, ${formatDuration(e.minutes)}`}
                        />
                      </td>
                      <td className="whitespace-nowrap px-3 py-2">{shortDay(e.occurredOn)}</td>
                      <td className="px-3 py-2">{categoryLabel(e.category)}</td>
                      <td className="whitespace-nowrap px-3 py-2">{formatDuration(e.minutes)}</td>
                      <td className="px-3 py-2">{e.placementName}</td>
                      <td className="px-3 py-2">
                        {e.correctsEntryId ? <span className="block font-medium">Correction of an approved entry</span> : null}
                        {e.note || (e.correctsEntryId ? "" : "—")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {entries.length ? (
        <section aria-labelledby={`${id}-decide`} className="grid gap-6 rounded-lg border border-stone-200 bg-white p-5 lg:grid-cols-2">
          <h3 id={`${id}-decide`} className="sr-only">Decide the chosen entries</h3>
          <div className="space-y-3">
            <p className="font-medium" data-testid="chosen-summary">
              {picked.length} chosen ({formatDuration(pickedMinutes)})
            </p>
            <TextField
              id={`${id}-attest`}
              label="Your full name, to sign"
              hint={`By typing your name (${supervisorName}) you attest that the chosen hours took place under your supervision.`}
              autoComplete="name"
              value={attestation}
              onChange={(e) => setAttestation(e.target.value)}
              error={errors.attestation}
            />
            <Button onClick={() => decide("approve")} disabled={pending}>
              {pending ? "Working…" : "Approve chosen"}
            </Button>
          </div>
          <div className="space-y-3">
            <TextArea id={`${id}-reason`} label="Reason for returning" hint="The trainee sees this on each returned entry." rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
            <Button variant="secondary" onClick={() => decide("return")} disabled={pending}>
              Return chosen
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
