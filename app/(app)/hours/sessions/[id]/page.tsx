import type { Metadata } from "next";
import Link from "next/link";
import { SessionEditForm } from "@/components/hours/session-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { fullDay } from "@/lib/hours/days";
import { formatDuration } from "@/lib/hours/duration";
import { getSession, listSessionChoices } from "@/lib/hours/sessions";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Supervision session" };

export default authedPage(async function SessionPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const v = await getSession(ctx, id);
  const recorded = (await searchParams).recorded === "1";
  const people = v.canEdit ? (await listSessionChoices(ctx)).filter((p) => v.attendees.some((a) => a.membershipId === p.membershipId)) : [];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/hours/sessions">← Sessions</Link>
      </p>
      <PageHeader title={`${v.session.kind === "group" ? "Group" : "Individual"} supervision, ${fullDay(v.session.occurredOn)}`} description={`Run by ${v.supervisorName}, ${formatDuration(v.session.minutes)}.`} />
      {recorded ? (
        <div className="mb-4">
          <Alert tone="success" live>
            Session recorded. Its hours are in each attendee&apos;s ledger, approved.
          </Alert>
        </div>
      ) : null}
      <section aria-labelledby="who" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="who" className="text-lg font-semibold">Attendance</h2>
        {ctx.role === "trainee" ? (
          <p className="mt-2">{v.attendeeCount === 1 ? "You attended." : `You and ${v.attendeeCount - 1} other ${v.attendeeCount === 2 ? "trainee" : "trainees"} attended.`}</p>
        ) : (
          <ul className="mt-2 list-disc pl-6" data-testid="session-attendees">
            {v.attendees.map((a) => (
              <li key={a.membershipId}>{ctx.role === "supervisor" ? <Link href={`/hours/trainees/${a.membershipId}`}>{a.name}</Link> : a.name}</li>
            ))}
          </ul>
        )}
        {v.cases.length ? (
          <>
            <h3 className="mt-4 font-semibold">Cases discussed</h3>
            <ul className="mt-1 list-disc pl-6">
              {v.cases.map((c) => (
                <li key={c.id}>
                  <Link href={`/cases/${c.id}`}>Case {c.clientCode ?? "(no code)"}</Link>
                  {ctx.role === "supervisor" ? ` (${c.authorName})` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {v.agenda !== null ? (
        <section aria-labelledby="agenda" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="agenda" className="text-lg font-semibold">Agenda</h2>
          <p className="mt-2 whitespace-pre-wrap">{v.agenda || "No agenda recorded."}</p>
          {v.notes !== null && !v.canEdit ? (
            <>
              <h2 className="mt-4 text-lg font-semibold">Notes (shared with you)</h2>
              <p className="mt-2 whitespace-pre-wrap">{v.notes || "No notes."}</p>
            </>
          ) : null}
        </section>
      ) : (
        <p className="mt-6 text-sm text-stone-700">The agenda and notes are for the supervisor and the attendees.</p>
      )}
      {v.canEdit ? (
        <section aria-labelledby="edit" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="edit" className="mb-4 text-lg font-semibold">Notes and cases</h2>
          <SessionEditForm
            session={{ id: v.session.id, version: v.session.version, agenda: v.agenda ?? "", notes: v.notes ?? "", notesShared: v.session.notesShared, caseIds: v.cases.map((c) => c.id), attendees: v.attendees.map((a) => a.membershipId) }}
            people={people}
          />
        </section>
      ) : null}
    </>
  );
});
