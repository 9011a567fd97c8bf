import Link from "next/link";
import type { Ctx } from "@/lib/core/context";
import { orgCaseCounts } from "@/lib/cases/queue";
import { CASE_STATUSES, STATUS_LABELS } from "@/lib/cases/workflow";

/** Home page panel for org_admins: case counts by status (metadata only, never narratives). */
export async function OrgCasesPanel({ ctx }: { ctx: Ctx }) {
  const counts = await orgCaseCounts(ctx);
  return (
    <section aria-labelledby="org-cases-panel" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="org-cases-panel" className="text-lg font-semibold">Case log activity</h2>
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
        {CASE_STATUSES.map((s) => (
          <div key={s} className="rounded-md border border-stone-200 p-2">
            <dt className="text-sm text-stone-700">{STATUS_LABELS[s]}</dt>
            <dd className="text-xl font-semibold">{counts[s]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3">
        <Link href="/cases">All cases</Link>
      </p>
    </section>
  );
}
