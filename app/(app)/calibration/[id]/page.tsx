import type { Metadata } from "next";
import Link from "next/link";
import { CalibrationReviewForm } from "@/components/calibration/calibration-review-form";
import { AgreementSummary, ConditionSpread, DeviationTable, ReferenceReviewView, ReviewsList } from "@/components/calibration/results";
import { CloseRoundButton, DiscussionNoteForm } from "@/components/calibration/round-owner-controls";
import { CaseDetails } from "@/components/cases/case-details";
import { RatingsCaveat } from "@/components/cases/conditions-display";
import { formatDate, formatDateTime } from "@/components/cases/format";
import { formatDay } from "@/components/evaluations/format";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getRoundView, type RoundView } from "@/lib/calibration/view";
import { authedPage } from "@/lib/core/page";
import { oneOf } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Calibration round" };

function Status({ v }: { v: RoundView }) {
  return (
    <>
      {v.state === "open" ? `Open${v.dueOn ? `, due ${formatDay(v.dueOn)}` : ""}` : `Closed ${formatDate(v.closedAt)}`} · {v.submittedCount} of {v.invited} reviews submitted · opened {formatDate(v.openedAt)}
    </>
  );
}

function TheCase({ v, open }: { v: RoundView; open: boolean }) {
  return (
    <details open={open} className="rounded-lg border border-stone-200 bg-white p-5">
      <summary className="cursor-pointer text-lg font-semibold">The reference case: {v.reference.title}</summary>
      <div className="mt-3">
        <CaseDetails content={v.reference.content} codeListVersion={v.reference.codeListVersion} headingLevel={3} />
      </div>
    </details>
  );
}

export default authedPage(async function CalibrationRoundPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const v = await getRoundView(ctx, id);
  const sp = await searchParams;
  const flash = oneOf(sp, "opened", ["1"] as const) ? "opened" : oneOf(sp, "submitted", ["1"] as const) ? "submitted" : null;
  const reviewing = v.me.participant && !v.me.submitted && v.state === "open";
  return (
    <>
      <PageHeader
        title={v.name}
        description={<Status v={v} />}
        actions={v.me.admin && v.state === "open" ? <CloseRoundButton roundId={v.id} version={v.version} name={v.name} waiting={v.invited - v.submittedCount} /> : undefined}
      />
      {flash ? (
        <div className="mb-4">
          <Alert tone="success" live>
            {flash === "opened" ? "Round opened. Each supervisor invited has been told." : "Your review is submitted. Here is how the group's ratings compare so far."}
          </Alert>
        </div>
      ) : null}
      {reviewing ? (
        <>
          <div className="mb-4">
            <Alert tone="info" title="Review this case on your own">
              Use the review form as you would for a trainee&apos;s case. You&apos;ll see the other supervisors&apos; ratings and any reference review once you have submitted
              yours; until then nobody&apos;s ratings are shown to you.
            </Alert>
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <article aria-labelledby="case-heading" tabIndex={0} className="rounded-lg border border-stone-200 bg-white p-5 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
              <h2 id="case-heading" className="mb-3 text-lg font-semibold">
                The case
              </h2>
              <CaseDetails content={v.reference.content} codeListVersion={v.reference.codeListVersion} headingLevel={3} />
            </article>
            <section aria-labelledby="checklist-heading" className="space-y-3">
              <h2 id="checklist-heading" className="text-lg font-semibold">
                Six-condition checklist
              </h2>
              <CalibrationReviewForm roundId={v.id} self={v.reference.content.selfAssessment} selfVersion={v.reference.codeListVersion} />
            </section>
          </div>
        </>
      ) : null}
      {v.me.participant && !v.me.submitted && v.state === "closed" ? (
        <Alert tone="info">This round closed before you submitted a review, so its results are not shown to you.</Alert>
      ) : null}
      {v.visible ? (
        <div className="space-y-6">
          <RatingsCaveat />
          {v.visible.reviews.length === 0 ? <p className="text-stone-700">No reviews submitted yet.</p> : null}
          <AgreementSummary results={v.visible.results} />
          <ConditionSpread results={v.visible.results} />
          <DeviationTable results={v.visible.results} me={ctx.membershipId} />
          <p className="text-sm">
            Decisions: {v.visible.decisions.changes_requested} would request changes, {v.visible.decisions.signed_off} would sign off.
          </p>
          {v.visible.referenceReview ? <ReferenceReviewView review={v.visible.referenceReview} /> : <p className="text-sm text-stone-700">This reference case has no reference review: it is a trainee&apos;s case copied with their consent.</p>}
          <ReviewsList reviews={v.visible.reviews} me={ctx.membershipId} />
          <section aria-labelledby="note-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="note-heading" className="text-lg font-semibold">
              Discussion
            </h2>
            {v.me.admin ? (
              <DiscussionNoteForm roundId={v.id} version={v.version} note={v.discussionNote} />
            ) : v.discussionNote ? (
              <>
                <p className="whitespace-pre-wrap" data-testid="discussion-note">
                  {v.discussionNote}
                </p>
                <p className="text-sm text-stone-700">Written {formatDateTime(v.noteUpdatedAt)}.</p>
              </>
            ) : (
              <p className="text-stone-700">No discussion note yet.</p>
            )}
          </section>
          <TheCase v={v} open={false} />
          <p>
            <Link href="/calibration/trend">Agreement over time</Link>
          </p>
        </div>
      ) : null}
    </>
  );
});
