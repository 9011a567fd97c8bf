import type { Metadata } from "next";
import Link from "next/link";
import { WeekGrid } from "@/components/hours/week-grid";
import { LedgerTable } from "@/components/hours/ledger-table";
import { PageHeader } from "@/components/ui/page-header";
import { addDays, longDay, today, weekDays, weekStart } from "@/lib/hours/days";
import { getWeek } from "@/lib/hours/ledger";
import { dayParam } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Log a week" };

export default authedPage(async function WeekPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const now = today();
  const monday = weekStart(dayParam(await searchParams, "start") ?? now);
  const week = await getWeek(ctx, monday);
  const current = week.placements.filter((p) => !p.archived);
  const next = addDays(monday, 7);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/hours">← Your hours</Link>
      </p>
      <PageHeader
        title={`Week of ${longDay(monday)}`}
        description="Type how long you spent on each kind of activity each day (1:30 or 1.5). Saving keeps them as drafts; submit them from your hours when the week is done."
      />
      <nav aria-label="Weeks" className="mb-4 flex flex-wrap gap-4 text-sm">
        <Link href={`/hours/week?start=${addDays(monday, -7)}`}>← Previous week</Link>
        {next <= now ? <Link href={`/hours/week?start=${next}`}>Next week →</Link> : null}
        {monday !== weekStart(now) ? <Link href="/hours/week">This week</Link> : null}
      </nav>
      <WeekGrid
        key={monday}
        weekStart={monday}
        days={weekDays(monday)}
        today={now}
        placements={current.map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name }))}
        drafts={week.drafts}
        lastWeek={week.lastWeek}
      />
      <section aria-labelledby="others-heading" className="mt-8 space-y-3">
        <h2 id="others-heading" className="text-lg font-semibold">Also this week</h2>
        <p className="text-sm text-stone-700">Entries that aren&apos;t grid drafts: submitted, approved, returned, imported or from supervision sessions.</p>
        <LedgerTable rows={week.others} canSubmit={false} caption="Other entries this week" />
      </section>
    </>
  );
});
