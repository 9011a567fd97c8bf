import Link from "next/link";
import type { Ctx } from "@/lib/core/context";
import { countMyCases } from "@/lib/cases/queries";
import { STATUS_LABELS, CASE_STATUSES } from "@/lib/cases/workflow";

/** Home page panel for anyone who logs cases: counts by status and where to go next. */
export async function TraineeCasesPanel({ ctx }: { ctx: Ctx }) {
  const counts = await countMyCases(ctx);
  const total = CASE_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <section aria-labelledby="my-cases-panel" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="my-cases-panel" className="text-lg font-semibold">Rupture case log</h2>
      {total === 0 ? (
        <p className="mt-2 text-stone-700">You haven&apos;t logged a case yet.</p>
      ) : (
        <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
          {CASE_STATUSES.map((s) => (
            <div key={s} className="rounded-md border border-stone-200 p-2">
              <dt className="text-sm text-stone-700">{STATUS_LABELS[s]}</dt>
              <dd className="text-xl font-semibold">{counts[s]}</dd>
            </div>
          ))}
        </dl>
      )}
      {counts.changes_requested > 0 ? (
        <p className="mt-3 font-medium text-amber-950">
          {counts.changes_requested === 1 ? "1 case needs" : `${counts.changes_requested} cases need`} your changes.{" "}
          <Link href="/cases?status=changes_requested">See them</Link>
        </p>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-4">
        <Link href="/cases/new">Log a case</Link>
        <Link href="/cases">My cases</Link>
      </p>
    </section>
  );
}
