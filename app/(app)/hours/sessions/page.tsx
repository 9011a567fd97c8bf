import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { fullDay } from "@/lib/hours/days";
import { formatDuration } from "@/lib/hours/duration";
import { listSessions, type SessionCursor } from "@/lib/hours/sessions";
import { decodeCursor, encodeCursor } from "@/lib/util/cursor";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Supervision sessions" };

const isCursor = (x: unknown): x is SessionCursor =>
  typeof x === "object" && x !== null && typeof (x as SessionCursor).day === "string" && /^\d{4}-\d{2}-\d{2}$/.test((x as SessionCursor).day) && isUuid((x as SessionCursor).id);

export default authedPage(async function SessionsPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { rows, next } = await listSessions(ctx, { after: decodeCursor(typeof sp.after === "string" ? sp.after : undefined, isCursor) });
  const lead = ctx.role === "supervisor" ? "Sessions you ran." : ctx.role === "trainee" ? "Sessions you attended. Their hours are in your ledger, approved by the supervisor who ran them." : "Every supervision session recorded in your organisation.";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={ctx.role === "org_admin" ? "/admin/hours" : "/hours"}>← Hours</Link>
      </p>
      <PageHeader title="Supervision sessions" description={lead} actions={ctx.role === "supervisor" ? <Link className={buttonClass("primary")} href="/hours/sessions/new">Record a session</Link> : undefined} />
      {rows.length === 0 ? (
        <p className="text-stone-700">No sessions yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Supervision sessions">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Supervision sessions, newest first</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Date</th>
                <th scope="col" className="px-3 py-2">Kind</th>
                <th scope="col" className="px-3 py-2">Duration</th>
                <th scope="col" className="px-3 py-2">Supervisor</th>
                <th scope="col" className="px-3 py-2">Attendees</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id} data-testid="session-row">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/hours/sessions/${r.id}`}>{fullDay(r.occurredOn)}</Link>
                  </th>
                  <td className="px-3 py-2">{r.kind === "group" ? "Group" : "Individual"}</td>
                  <td className="px-3 py-2">{formatDuration(r.minutes)}</td>
                  <td className="px-3 py-2">{r.supervisorName}</td>
                  <td className="px-3 py-2">{r.attendees}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/hours/sessions?after=${encodeCursor(next)}`}>Older sessions</Link>
        </p>
      ) : null}
    </>
  );
});
