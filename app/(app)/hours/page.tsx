import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApprovalQueue } from "@/components/hours/approval-queue";
import { LedgerTable } from "@/components/hours/ledger-table";
import { EntryForm } from "@/components/hours/entry-form";
import { ProgressPanel } from "@/components/hours/progress-panel";
import { STATUS_LABELS } from "@/components/hours/labels";
import { SummaryForm } from "@/components/hours/summary-form";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { type Ctx } from "@/lib/core/context";
import { listApprovalQueue } from "@/lib/hours/approvals";
import { addMonths, today } from "@/lib/hours/days";
import { formatDuration } from "@/lib/hours/duration";
import { ENTRY_STATUSES, listEntries, type EntryStatus, isLedgerCursor } from "@/lib/hours/ledger";
import { listSupervisedTrainees } from "@/lib/hours/overview";
import { listMyPlacements } from "@/lib/hours/placements";
import { getTraineeProgress } from "@/lib/hours/progress";
import { decodeCursor, encodeCursor } from "@/lib/util/cursor";
import { oneOf, type RawSearch } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Hours" };

type SP = Record<string, string | string[] | undefined>;
async function TraineeHours({ ctx, sp }: { ctx: Ctx; sp: RawSearch }) {
  const status = oneOf(sp, "status", ENTRY_STATUSES as readonly EntryStatus[]);
  const after = decodeCursor(typeof (sp as SP).after === "string" ? ((sp as SP).after as string) : undefined, isLedgerCursor);
  const [progress, ledger, placements] = await Promise.all([getTraineeProgress(ctx, ctx.membershipId), listEntries(ctx, ctx.membershipId, { status }, { after }), listMyPlacements(ctx)]);
  const current = placements.filter((p) => !p.archived);
  const day = today();
  const query = (extra: Record<string, string>) => `/hours?${new URLSearchParams({ ...(status ? { status } : {}), ...extra })}`;
  return (
    <>
      <PageHeader
        title="Your hours"
        description="Log your supervised practice, send it to your site supervisor, and see what is approved against your organisation's requirements."
        actions={
          <>
            <Link className={buttonClass("primary")} href="/hours/week">Log a week</Link>
            <Link className={buttonClass("secondary")} href="/hours/import">Import a spreadsheet</Link>
            <Link className={buttonClass("secondary")} href="/hours/sessions">Supervision sessions</Link>
          </>
        }
      />
      {current.length === 0 ? (
        <div className="mb-6">
          <Alert tone="warning" title="No placement yet">
            You have no current placement, so there is nowhere to log hours. Ask your organisation&apos;s admin to add your placement and site supervisor.
          </Alert>
        </div>
      ) : (
        <p className="mb-6 text-sm text-stone-700">
          Your placements: {current.map((p) => `${p.name} (approved by ${p.supervisors.join(", ") || "nobody yet"})`).join("; ")}.
        </p>
      )}
      <ProgressPanel progress={progress} who="you" />
      {current.length ? (
        <details className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <summary className="cursor-pointer text-lg font-semibold">Add one entry</summary>
          <div className="mt-4">
            <EntryForm mode={{ kind: "create" }} today={day} placements={current.map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name }))} />
          </div>
        </details>
      ) : null}
      <section aria-labelledby="ledger-heading" className="mt-6 space-y-3">
        <h2 id="ledger-heading" className="text-lg font-semibold">Your ledger</h2>
        <nav aria-label="Filter the ledger by status" className="flex flex-wrap gap-2 text-sm">
          <Link href="/hours" aria-current={!status ? "page" : undefined} className={buttonClass(!status ? "primary" : "ghost")}>All</Link>
          {ENTRY_STATUSES.map((s) => (
            <Link key={s} href={`/hours?status=${s}`} aria-current={status === s ? "page" : undefined} className={buttonClass(status === s ? "primary" : "ghost")}>
              {STATUS_LABELS[s]}
            </Link>
          ))}
        </nav>
        <LedgerTable rows={ledger.rows} canSubmit caption="Your hour entries, newest first" />
        {ledger.next ? (
          <p>
            <Link href={query({ after: encodeCursor(ledger.next) })}>Older entries</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="summary-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="summary-heading" className="text-lg font-semibold">Signed summary for a registration body</h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">A PDF of your approved hours for a period, with every approval and who signed it, and a serial anyone can check online.</p>
        <SummaryForm traineeMembershipId={ctx.membershipId} placements={placements.map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name }))} allowAll from={addMonths(day, -12)} to={day} />
      </section>
    </>
  );
}

async function SupervisorHours({ ctx }: { ctx: Ctx }) {
  const [queue, trainees] = await Promise.all([listApprovalQueue(ctx), listSupervisedTrainees(ctx)]);
  return (
    <>
      <PageHeader
        title="Hours to approve"
        description="Hours your trainees logged at the placements you supervise. Choose a week (or single entries), then approve under your typed name or return them with a reason."
        actions={
          <>
            <Link className={buttonClass("primary")} href="/hours/sessions/new">Record a supervision session</Link>
            <Link className={buttonClass("secondary")} href="/hours/sessions">Sessions</Link>
          </>
        }
      />
      <ApprovalQueue entries={queue.entries} truncated={queue.truncated} supervisorName={ctx.userName} />
      <section aria-labelledby="trainees-heading" className="mt-8">
        <h2 id="trainees-heading" className="mb-3 text-lg font-semibold">Your trainees</h2>
        {trainees.length === 0 ? (
          <p className="text-stone-700">No trainees are placed with you or assigned to you yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Your trainees' hours">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your trainees&apos; hours</caption>
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">Trainee</th>
                  <th scope="col" className="px-3 py-2">Placements you supervise</th>
                  <th scope="col" className="px-3 py-2">Waiting for you</th>
                  <th scope="col" className="px-3 py-2">Approved there</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {trainees.map((t) => (
                  <tr key={t.membershipId}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/hours/trainees/${t.membershipId}`}>{t.name}</Link>
                    </th>
                    <td className="px-3 py-2">{t.placements.join(", ") || "None (case supervision only)"}</td>
                    <td className="px-3 py-2">{t.waiting}</td>
                    <td className="px-3 py-2">{formatDuration(t.approvedMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export default authedPage(async function HoursPage(ctx, { searchParams }: { searchParams: Promise<SP> }) {
  // Admins read everyone's hours through the reports.
  if (ctx.role === "org_admin") redirect("/admin/hours");
  const sp = await searchParams;
  return ctx.role === "trainee" ? TraineeHours({ ctx, sp }) : SupervisorHours({ ctx });
});
