import type { Metadata } from "next";
import Link from "next/link";
import { LedgerTable } from "@/components/hours/ledger-table";
import { ProgressPanel } from "@/components/hours/progress-panel";
import { SummaryForm } from "@/components/hours/summary-form";
import { PageHeader } from "@/components/ui/page-header";
import { addMonths, today } from "@/lib/hours/days";
import { listEntries, isLedgerCursor } from "@/lib/hours/ledger";
import { getTraineeHoursOverview } from "@/lib/hours/overview";
import { decodeCursor, encodeCursor } from "@/lib/util/cursor";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Trainee hours" };

export default authedPage(async function TraineeHoursPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const sp = await searchParams;
  const after = decodeCursor(typeof sp.after === "string" ? sp.after : undefined, isLedgerCursor);
  const [{ progress, placements }, ledger] = await Promise.all([getTraineeHoursOverview(ctx, id), listEntries(ctx, id, {}, { after })]);
  const day = today();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={ctx.role === "org_admin" ? "/admin/hours" : "/hours"}>← {ctx.role === "org_admin" ? "Hours report" : "Hours to approve"}</Link>
      </p>
      <PageHeader
        title={`${progress.trainee.name}: hours`}
        description={ctx.role === "supervisor" ? "The hours at the placements you supervise, and the supervision sessions you ran." : "Every hour this trainee has logged, at every placement."}
      />
      <ProgressPanel progress={progress} who={ctx.role === "supervisor" ? "supervisor" : "trainee"} adminHint={ctx.role === "org_admin"} />
      <section aria-labelledby="ledger-heading" className="mt-6 space-y-3">
        <h2 id="ledger-heading" className="text-lg font-semibold">Ledger</h2>
        <LedgerTable rows={ledger.rows} canSubmit={false} caption={`${progress.trainee.name}'s hour entries, newest first`} />
        {ledger.next ? (
          <p>
            <Link href={`/hours/trainees/${id}?after=${encodeCursor(ledger.next)}`}>Older entries</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="summary-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="summary-heading" className="text-lg font-semibold">Signed summary</h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          {ctx.role === "supervisor" ? "A PDF of the approved hours at a placement you supervise, with every approval and a serial anyone can check." : "A PDF of the approved hours for a period, with every approval and a serial anyone can check."}
        </p>
        <SummaryForm
          traineeMembershipId={progress.trainee.membershipId}
          placements={placements.map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name }))}
          allowAll={ctx.role === "org_admin"}
          from={addMonths(day, -12)}
          to={day}
        />
      </section>
    </>
  );
});
