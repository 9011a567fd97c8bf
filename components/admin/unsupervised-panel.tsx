import Link from "next/link";
import { formatDateTime } from "@/components/cases/format";
import type { Ctx } from "@/lib/core/context";
import { listUnreviewableCases, listUnsupervisedTrainees } from "@/lib/orgs/unsupervised";

/** For admins: trainees nobody supervises and submitted cases nobody can review, each one click from a fix. */
export async function UnsupervisedPanel({ ctx, showEmpty = false }: { ctx: Ctx; showEmpty?: boolean }) {
  const [trainees, waiting] = await Promise.all([listUnsupervisedTrainees(ctx), listUnreviewableCases(ctx)]);
  if (trainees.length === 0 && waiting.length === 0) {
    return showEmpty ? <p className="text-stone-700">Every active trainee has an active supervisor, and no submitted case is waiting without one.</p> : null;
  }
  return (
    <section aria-labelledby="unsupervised-heading" className="rounded-lg border-2 border-amber-700 bg-amber-50 p-5">
      <h2 id="unsupervised-heading" className="text-lg font-semibold text-amber-950">
        Needs a supervisor
      </h2>
      {waiting.length ? (
        <>
          <h3 className="mt-3 font-semibold">Submitted cases nobody can review ({waiting.length})</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {waiting.map((c) => (
              <li key={c.id}>
                {c.urgent ? <span className="mr-1 rounded bg-red-800 px-1.5 py-0.5 text-xs font-semibold uppercase text-white">Urgent</span> : null}
                {c.clientCode ?? "A case"} by {c.traineeName}, submitted {c.submittedAt ? formatDateTime(c.submittedAt) : "—"}:{" "}
                <Link href={`/admin/members/${c.traineeMembershipId}#supervisors`}>assign a supervisor to {c.traineeName}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {trainees.length ? (
        <>
          <h3 className="mt-3 font-semibold">Trainees without an active supervisor ({trainees.length})</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {trainees.map((t) => (
              <li key={t.membershipId}>
                <Link href={`/admin/members/${t.membershipId}#supervisors`}>
                  Assign a supervisor to {t.name}
                </Link>{" "}
                <span className="text-stone-800">
                  ({t.email}
                  {t.waitingCases ? `; ${t.waitingCases} case${t.waitingCases === 1 ? "" : "s"} waiting` : ""})
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-amber-950">A supervisor counts once their access is active and their email address is verified.</p>
        </>
      ) : null}
    </section>
  );
}
