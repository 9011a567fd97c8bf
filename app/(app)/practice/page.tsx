import type { Metadata } from "next";
import Link from "next/link";
import { AssignedPanel, AwaitingPanel, LibraryTable, SetPanel, SuggestionList, TraineesPanel } from "@/components/practice/panels";
import { markerLabel } from "@/components/practice/labels";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { MARKERS, MARKER_CODES } from "@/lib/cases/codes";
import type { Ctx } from "@/lib/core/context";
import { authedPage } from "@/lib/core/page";
import { can } from "@/lib/core/permissions";
import { listAssignmentsSet, listMyAssignments } from "@/lib/practice/assignments";
import { listDrills } from "@/lib/practice/drills";
import { getPracticeOverview, latestCaseMarkers, listAwaitingFeedback, listMyTraineesPractice, myResponseCounts, suggestDrills } from "@/lib/practice/log";
import { intParam, oneOf, type RawSearch } from "@/lib/util/params";

export const metadata: Metadata = { title: "Practice studio" };

async function Suggested({ ctx }: { ctx: Ctx }) {
  const latest = await latestCaseMarkers(ctx);
  if (!latest) return null;
  const { suggestions } = await suggestDrills(ctx, latest.markers, 3);
  return (
    <section aria-labelledby="suggested" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="suggested" className="text-lg font-semibold">
        Practise what your latest case showed
      </h2>
      <div className="mt-2">
        <SuggestionList
          suggestions={suggestions}
          intro={
            <>
              Your <Link href={`/cases/${latest.caseId}`}>case {latest.clientCode ?? ""}</Link> showed: {latest.markers.map(markerLabel).join("; ")}.
            </>
          }
        />
      </div>
    </section>
  );
}

async function AdminOverview({ ctx }: { ctx: Ctx }) {
  const o = await getPracticeOverview(ctx);
  const stats = [
    { label: "Responses", value: o.attempts },
    { label: "Spoken", value: o.spoken },
    { label: "Rated by a supervisor", value: o.rated },
    { label: "Trainees practising", value: o.trainees },
    { label: "Recordings kept", value: o.recordings },
    { label: "Drills set", value: o.assignments },
    { label: "Your own drills", value: o.customDrills },
  ];
  return (
    <section aria-labelledby="overview" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="overview" className="text-lg font-semibold">
        Practice across the organisation
      </h2>
      <p className="mt-1 text-sm text-stone-700">Counts only: responses, recordings and feedback are for each trainee and their supervisors.</p>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-md border border-stone-200 p-3">
            <dt className="text-sm text-stone-700">{s.label}</dt>
            <dd className="mt-1 text-xl font-semibold">{s.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default authedPage({ permission: "practice.view" }, async function PracticePage(ctx, { searchParams }: { searchParams: Promise<RawSearch> }) {
  const raw = await searchParams;
  const marker = oneOf(raw, "marker", MARKER_CODES);
  const level = intParam(raw, "level", 1, 3);
  const practising = can(ctx.role, "practice.use");
  const [drills, counts, assignments, setRows] = await Promise.all([
    listDrills(ctx),
    myResponseCounts(ctx),
    practising ? listMyAssignments(ctx) : Promise.resolve([]),
    can(ctx.role, "practice.assign") ? listAssignmentsSet(ctx) : Promise.resolve([]),
  ]);
  const shown = drills.filter((d) => (!marker || d.markers.includes(marker)) && (!level || d.difficulty === level));
  const supervising = can(ctx.role, "practice.supervise");
  const [awaiting, trainees] = supervising ? await Promise.all([listAwaitingFeedback(ctx), listMyTraineesPractice(ctx)]) : [[], []];
  return (
    <>
      <PageHeader
        title="Practice studio"
        description="Short client moments that show rupture markers. Respond as you would in the room, typed or spoken; your supervisor rates the repair, and you can try again."
        actions={
          <>
            {practising ? (
              <Link href="/practice/log" className={buttonClass("secondary")}>
                Your practice log
              </Link>
            ) : null}
            {can(ctx.role, "practice.author") ? (
              <Link href="/practice/manage" className={buttonClass("secondary")}>
                Your organisation&apos;s drills
              </Link>
            ) : null}
          </>
        }
      />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        {practising ? <AssignedPanel assignments={assignments} /> : <AdminOverview ctx={ctx} />}
        {practising ? <Suggested ctx={ctx} /> : null}
        {supervising ? <AwaitingPanel rows={awaiting} /> : null}
        {supervising ? <TraineesPanel rows={trainees} /> : null}
        <SetPanel rows={setRows} />
      </div>
      <section aria-labelledby="library">
        <h2 id="library" className="text-lg font-semibold">
          All drills
        </h2>
        <form method="get" className="my-3 flex flex-wrap items-end gap-3" aria-label="Filter the drills">
          <div>
            <label htmlFor="filter-marker" className="block text-sm font-medium">
              Marker
            </label>
            <select id="filter-marker" name="marker" defaultValue={marker ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
              <option value="">Any marker</option>
              {MARKERS.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-level" className="block text-sm font-medium">
              Level
            </label>
            <select id="filter-level" name="level" defaultValue={level ? String(level) : ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
              <option value="">Any level</option>
              <option value="1">1</option>
              <option value="2">2</option>
              <option value="3">3</option>
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
        <LibraryTable drills={shown} practised={counts} />
      </section>
    </>
  );
});
