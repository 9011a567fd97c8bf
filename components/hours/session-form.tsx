"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextArea, TextField } from "@/components/ui/field";
import { recordSessionAction, updateSessionAction } from "@/lib/hours/actions/sessions";
import type { SessionChoice } from "@/lib/hours/sessions";

type Errors = Record<string, string | undefined>;
const first = (fe: Record<string, string[] | undefined> | undefined): Errors => Object.fromEntries(Object.entries(fe ?? {}).map(([k, v]) => [k, v?.[0]]));

function CaseChoices({ people, chosen, caseIds, setCaseIds, error, id }: { people: SessionChoice[]; chosen: string[]; caseIds: string[]; setCaseIds: (v: string[]) => void; error?: string; id: string }) {
  const available = people.filter((p) => chosen.includes(p.membershipId) && p.cases.length);
  return (
    <fieldset aria-describedby={error ? `${id}-cases-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">Cases discussed (optional)</legend>
      {available.length === 0 ? <p className="mt-1 text-sm text-stone-700">No submitted cases of the chosen trainees to link.</p> : null}
      {available.map((p) => (
        <div key={p.membershipId} className="mt-2">
          <p className="text-sm font-medium">{p.name}</p>
          <div className="mt-1 flex flex-wrap gap-x-6">
            {p.cases.map((c) => (
              <Checkbox
                key={c.id}
                label={`Case ${c.clientCode ?? "(no code)"}`}
                checked={caseIds.includes(c.id)}
                onChange={(e) => setCaseIds(e.target.checked ? [...caseIds, c.id] : caseIds.filter((x) => x !== c.id))}
              />
            ))}
          </div>
        </div>
      ))}
      <FieldMessage id={`${id}-cases`} error={error} />
    </fieldset>
  );
}

/** A supervisor records a session: attendance writes approved supervision hours into each attendee's ledger. */
export function SessionForm({ people, today }: { people: SessionChoice[]; today: string }) {
  const router = useRouter();
  const id = useId();
  const [requestId] = useState(() => crypto.randomUUID());
  const [v, setV] = useState({ occurredOn: today, duration: "1:00", kind: "individual" as "individual" | "group", agenda: "", notes: "", notesShared: false });
  const [attendees, setAttendees] = useState<string[]>([]);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    if (attendees.length === 0) return setErrors({ attendees: "Choose who attended." });
    setPending(true);
    const r = await recordSessionAction({ requestId, ...v, attendees, caseIds: caseIds.filter((c) => people.some((p) => attendees.includes(p.membershipId) && p.cases.some((x) => x.id === c))) });
    setPending(false);
    if (!r.ok) {
      setErrors(first(r.fieldErrors));
      setMessage(r.error);
      return;
    }
    router.push(`/hours/sessions/${r.data.id}?recorded=1`);
  }

  if (people.length === 0) return <Alert tone="warning">No trainees are placed with you or assigned to you, so there is nobody to record a session with.</Alert>;
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Record a supervision session">
      {message ? <Alert tone="error" live>{message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id={`${id}-date`} label="Date" type="date" max={today} value={v.occurredOn} onChange={(e) => setV({ ...v, occurredOn: e.target.value })} error={errors.occurredOn} />
        <TextField id={`${id}-duration`} label="Duration" hint="e.g. 1:00 or 1.5" value={v.duration} onChange={(e) => setV({ ...v, duration: e.target.value })} error={errors.duration} />
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">Kind</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" name={`${id}-kind`} checked={v.kind === "individual"} onChange={() => setV({ ...v, kind: "individual" })} /> Individual or triadic</label>
            <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" name={`${id}-kind`} checked={v.kind === "group"} onChange={() => setV({ ...v, kind: "group" })} /> Group</label>
          </div>
        </fieldset>
      </div>
      <fieldset aria-describedby={errors.attendees ? `${id}-attendees-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">Who attended</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {people.map((p) => (
            <Checkbox key={p.membershipId} label={p.name} checked={attendees.includes(p.membershipId)} onChange={(e) => setAttendees(e.target.checked ? [...attendees, p.membershipId] : attendees.filter((a) => a !== p.membershipId))} />
          ))}
        </div>
        <FieldMessage id={`${id}-attendees`} error={errors.attendees} />
      </fieldset>
      <CaseChoices id={id} people={people} chosen={attendees} caseIds={caseIds} setCaseIds={setCaseIds} error={errors.caseIds} />
      <TextArea id={`${id}-agenda`} label="Agenda" hint="Attendees can read the agenda." rows={3} maxLength={2000} value={v.agenda} onChange={(e) => setV({ ...v, agenda: e.target.value })} error={errors.agenda} />
      <TextArea id={`${id}-notes`} label="Notes" hint="Private to you unless you share them with the attendees. No client names or details." rows={5} maxLength={5000} value={v.notes} onChange={(e) => setV({ ...v, notes: e.target.value })} error={errors.notes} />
      <Checkbox label="Share the notes with the attendees" checked={v.notesShared} onChange={(e) => setV({ ...v, notesShared: e.target.checked })} />
      <p className="text-sm text-stone-700">Recording the session adds its hours to each attendee&apos;s ledger as supervision, approved under your name.</p>
      <Button type="submit" disabled={pending}>{pending ? "Recording…" : "Record session"}</Button>
    </form>
  );
}

/** The supervisor who ran a session edits its agenda, notes, sharing and cases (the hours stay as signed). */
export function SessionEditForm({ session, people }: { session: { id: string; version: number; agenda: string; notes: string; notesShared: boolean; caseIds: string[]; attendees: string[] }; people: SessionChoice[] }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState({ agenda: session.agenda, notes: session.notes, notesShared: session.notesShared });
  const [caseIds, setCaseIds] = useState(session.caseIds);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setPending(true);
    const r = await updateSessionAction({ id: session.id, version: session.version, ...v, caseIds });
    setPending(false);
    if (!r.ok) {
      setErrors(first(r.fieldErrors));
      return setMessage({ tone: "error", text: r.error });
    }
    setMessage({ tone: "success", text: "Session saved." });
    router.refresh();
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Edit the session's notes">
      {message ? <Alert tone={message.tone} live>{message.text}</Alert> : null}
      <CaseChoices id={id} people={people} chosen={session.attendees} caseIds={caseIds} setCaseIds={setCaseIds} error={errors.caseIds} />
      <TextArea id={`${id}-agenda`} label="Agenda" rows={3} maxLength={2000} value={v.agenda} onChange={(e) => setV({ ...v, agenda: e.target.value })} error={errors.agenda} />
      <TextArea id={`${id}-notes`} label="Notes" hint="No client names or details." rows={5} maxLength={5000} value={v.notes} onChange={(e) => setV({ ...v, notes: e.target.value })} error={errors.notes} />
      <Checkbox label="Share the notes with the attendees" checked={v.notesShared} onChange={(e) => setV({ ...v, notesShared: e.target.checked })} />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}
