import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackCard, ResponseBody } from "@/components/practice/attempt-parts";
import { DrillMoment, ModelAnswer } from "@/components/practice/drill-body";
import { FeedbackForm } from "@/components/practice/feedback-form";
import { LogHoursForm } from "@/components/practice/log-hours-form";
import { minutesText } from "@/components/practice/format";
import { formatDateTime } from "@/components/cases/format";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { can } from "@/lib/core/permissions";
import { listMyPlacements } from "@/lib/hours/placements";
import { getAttempt } from "@/lib/practice/attempts";
import { quoted } from "@/lib/practice/types";

export const metadata: Metadata = { title: "Practice response" };

export default authedPage(
  { permission: "practice.use" },
  async function AttemptPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
    const { id } = await params;
    const { submitted } = await searchParams;
    const { attempt, drill, traineeName, relation, attemptsOnDrill } = await getAttempt(ctx, id);
    const own = relation.own;
    const rating = relation.supervisor && !own;
    const mine = attempt.feedback.find((f) => f.reviewerMembershipId === ctx.membershipId) ?? null;
    const placements = own && can(ctx.role, "hours.log") && !attempt.hoursEntryId ? (await listMyPlacements(ctx)).filter((p) => !p.archived) : [];
    return (
      <>
        <PageHeader
          title={`Response to ${quoted(attempt.drillTitle)}`}
          description={`${own ? "Your response" : `${traineeName}'s response`}, ${formatDateTime(attempt.createdAt)}.`}
          actions={
            <>
              {own ? (
                <Link href={`/practice/drills/${attempt.drillKey}`} className={buttonClass("primary")}>
                  Try this drill again
                </Link>
              ) : null}
              {attemptsOnDrill > 1 ? (
                <Link href={`/practice/drills/${attempt.drillKey}/compare${own ? "" : `?trainee=${attempt.traineeMembershipId}`}`} className={buttonClass("secondary")}>
                  Compare attempts
                </Link>
              ) : null}
            </>
          }
        />
        {submitted && own ? (
          <div className="mb-4">
            <Alert tone="success" live>
              Response submitted. Your supervisor has been asked for feedback; compare it with the model response below.
            </Alert>
          </div>
        ) : null}
        <div className="grid gap-6 lg:grid-cols-2">
          {drill ? <DrillMoment drill={drill} /> : <p className="text-sm text-stone-700">This drill is no longer offered.</p>}
          <div className="space-y-6">
            <section aria-labelledby="the-response" className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 id="the-response" className="text-lg font-semibold">
                The response
              </h2>
              <div className="mt-2">
                <ResponseBody attempt={attempt} />
              </div>
            </section>
            <section aria-labelledby="feedback" className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 id="feedback" className="text-lg font-semibold">
                Feedback
              </h2>
              <div className="mt-2 space-y-3">
                {attempt.feedback.length === 0 ? <p className="text-sm text-stone-700">{own ? "No feedback yet: your supervisor has been asked." : "No feedback yet."}</p> : null}
                {attempt.feedback.map((f) => (
                  <FeedbackCard key={f.id} f={f} />
                ))}
              </div>
            </section>
          </div>
        </div>
        {rating ? (
          <section aria-labelledby="rate" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="rate" className="text-lg font-semibold">
              {mine ? "Your feedback" : "Rate this response"}
            </h2>
            <div className="mt-3">
              <FeedbackForm attemptId={attempt.id} existing={mine} />
            </div>
          </section>
        ) : null}
        {drill ? (
          <div className="mt-6">
            <ModelAnswer drill={drill} />
          </div>
        ) : null}
        {own && can(ctx.role, "hours.log") ? (
          <section aria-labelledby="hours" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="hours" className="text-lg font-semibold">
              Count this practice as skills-practice hours
            </h2>
            {attempt.hoursEntryId ? (
              <p className="mt-2 text-sm">
                This practice is in your <Link href="/hours">hours ledger</Link> as a skills-practice entry.
              </p>
            ) : (
              <div className="mt-2 space-y-2">
                <p className="text-sm text-stone-700">You spent about {minutesText(attempt.secondsSpent)} on this drill.</p>
                <LogHoursForm attemptId={attempt.id} minutes={Math.max(1, Math.min(240, Math.round(attempt.secondsSpent / 60)))} placements={placements} />
              </div>
            )}
          </section>
        ) : null}
      </>
    );
  },
);
