import type { Metadata } from "next";
import Link from "next/link";
import { AssignForm } from "@/components/practice/assign-form";
import { DrillMoment, ModelAnswer } from "@/components/practice/drill-body";
import { RespondPanel } from "@/components/practice/respond-panel";
import { formatDateTime } from "@/components/cases/format";
import { meanScore } from "@/lib/practice/scales";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { can } from "@/lib/core/permissions";
import { listAssignmentTargets } from "@/lib/practice/assignments";
import { listAttemptsOnDrill } from "@/lib/practice/attempts";
import { getDrill } from "@/lib/practice/drills";

export const metadata: Metadata = { title: "Practice drill" };

export default authedPage({ permission: "practice.view" }, async function DrillPage(ctx, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const drill = await getDrill(ctx, key);
  const practising = can(ctx.role, "practice.use");
  const mine = practising ? (await listAttemptsOnDrill(ctx, ctx.membershipId, drill.key)).attempts : [];
  // Trainees see the model response only once they have answered; supervisors and admins, who
  // rate and write the drills, always.
  const showModel = ctx.role !== "trainee" || mine.length > 0;
  const targets = can(ctx.role, "practice.assign") && !drill.archived ? await listAssignmentTargets(ctx) : null;
  return (
    <>
      <PageHeader
        title={drill.title}
        description={drill.source === "custom" ? `One of your organisation's own drills (version ${drill.versionNumber}).` : "From Rapport's drill library."}
        actions={
          <Link href="/practice" className={buttonClass("secondary")}>
            All drills
          </Link>
        }
      />
      {drill.archived ? (
        <div className="mb-4">
          <Alert tone="warning">Your organisation has archived this drill: it takes no new responses.</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <DrillMoment drill={drill} />
        <div className="space-y-6">
          {practising && !drill.archived ? <RespondPanel drillKey={drill.key} retry={mine.length > 0} /> : null}
          {mine.length > 0 ? (
            <section aria-labelledby="my-attempts" className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 id="my-attempts" className="text-lg font-semibold">
                Your responses to this drill
              </h2>
              <ol className="mt-2 space-y-1">
                {mine.map((a, i) => {
                  const best = a.feedback.length ? Math.max(...a.feedback.map(meanScore)) : null;
                  return (
                    <li key={a.id}>
                      <Link href={`/practice/attempts/${a.id}`}>
                        Attempt {i + 1}, {formatDateTime(a.createdAt)}
                      </Link>{" "}
                      <span className="text-sm text-stone-700">
                        ({a.mode === "spoken" ? "spoken" : "typed"}
                        {best !== null ? `, rated ${best} of 5` : ", not rated yet"})
                      </span>
                    </li>
                  );
                })}
              </ol>
              {mine.length > 1 ? (
                <Link href={`/practice/drills/${drill.key}/compare`} className={`${buttonClass("secondary")} mt-3`}>
                  Compare your attempts side by side
                </Link>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
      {showModel ? (
        <div className="mt-6">
          <ModelAnswer drill={drill} />
        </div>
      ) : (
        <p className="mt-6 text-sm text-stone-700">A model response and common pitfalls appear here once you have responded.</p>
      )}
      {targets ? (
        <section aria-labelledby="assign" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="assign" className="text-lg font-semibold">
            Set this drill
          </h2>
          <p className="mt-1 text-sm text-stone-700">It appears on the trainee&apos;s checklist with their required modules, and they are notified.</p>
          <div className="mt-3">
            <AssignForm drillKey={drill.key} targets={targets} supervisor={ctx.role === "supervisor"} />
          </div>
        </section>
      ) : null}
    </>
  );
});
