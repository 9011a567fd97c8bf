import type { Metadata } from "next";
import Link from "next/link";
import { CaseDetails } from "@/components/cases/case-details";
import { formatDateTime } from "@/components/cases/format";
import { ReviewHistory } from "@/components/cases/review-history";
import { StatusBadge } from "@/components/cases/status-badge";
import { CommentForm } from "@/components/reviews/comment-form";
import { CommentThreads } from "@/components/cases/comment-thread";
import { ReviewForm } from "@/components/reviews/review-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { labelOf } from "@/lib/cases/codes";
import { decide } from "@/lib/cases/workflow";
import { VersionDiff } from "@/components/cases/version-diff";
import { getVersionsForCompare } from "@/lib/cases/queries";
import type { CaseDraft } from "@/lib/cases/schemas";
import { oneOf } from "@/lib/util/params";
import { RiskAckForm } from "@/components/reviews/risk-ack-form";
import { riskRecorded } from "@/lib/cases/risk";
import { listRiskReviews } from "@/lib/cases/risk-review";
import { riskFindings } from "@/lib/cases/urgency";
import { authedPage } from "@/lib/core/page";
import { getCase } from "@/lib/cases/queries";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Review case" };

export default authedPage(async function ReviewPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const view = await getCase(ctx, id, { via: "review" });
  // Only the trainee's assigned supervisors review; the author and an org_admin do not.
  if (view.level !== "full" || !view.relation.assignedSupervisor || view.relation.author) throw new NotFoundError();
  const open = decide(view.relation, view.status, "sign_off").ok;
  const latest = view.versions[view.versions.length - 1];
  const pending = view.comments.filter((c) => c.submission === latest?.number);
  const riskReviews = view.urgent ? await listRiskReviews(ctx, view.id) : [];
  const returnTo = oneOf(await searchParams, "from", ["caseload"] as const) ? "/caseload" : "/reviews";
  // A resubmission is reviewed from the last review (editable), with what changed since then.
  const lastReview = view.reviews[view.reviews.length - 1];
  const since = open && lastReview && latest && lastReview.submission < latest.number ? await getVersionsForCompare(ctx, view.id, lastReview.submission, latest.number) : null;
  const suggested = riskFindings(view.content);
  return (
    <>
      <PageHeader
        title={`Review case ${view.clientCode ?? ""}`.trim()}
        description={<>Logged by {view.authorName} · version {latest?.number ?? 0} · <StatusBadge status={view.status} /></>}
      />
      {!open ? (
        <div className="mb-4">
          <Alert tone="info">
            This case isn&apos;t waiting for review. <Link href={`/cases/${view.id}`}>See the case and its reviews</Link>.
          </Alert>
        </div>
      ) : null}
      {view.urgent ? (
        <section aria-labelledby="risk-heading" className="mb-6 rounded-lg border-2 border-red-700 bg-red-50 p-5">
          <h2 id="risk-heading" className="text-lg font-semibold text-red-900">
            <span className="mr-2 inline-block rounded bg-red-800 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Urgent</span>
            Risk {riskRecorded(view.content.risk) ? "recorded by the trainee" : "suggested by the wording"}
          </h2>
          {Object.keys(suggested).length ? (
            <p className="mt-2 text-sm">
              Wording that suggests risk:{" "}
              {Object.values(suggested)
                .flat()
                .map((f) => `“${f.text}”`)
                .join(", ")}
              . This is a prompt from a word list, not a judgement: read the case.
            </p>
          ) : null}
          {riskReviews.length ? (
            <ul className="mt-3 space-y-2 text-sm">
              {riskReviews.map((r) => (
                <li key={r.id} className="rounded-md border border-red-200 bg-white p-2">
                  Seen by {r.byName}, {formatDateTime(r.createdAt)}: <span className="whitespace-pre-wrap">{r.followUp}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {!view.riskSeen ? (
            <div className="mt-3 max-w-xl">
              <RiskAckForm caseId={view.id} version={view.version} />
            </div>
          ) : (
            <p className="mt-2 text-sm font-medium">The risk in this version has been acknowledged.</p>
          )}
        </section>
      ) : null}
      {since?.left && since.right ? (
        <section aria-labelledby="changes-heading" className="mb-6">
          <h2 id="changes-heading" className="text-lg font-semibold">
            What changed since version {lastReview!.submission}, the one last reviewed
          </h2>
          <p className="mb-2 text-sm text-stone-700">Removed words are struck through; added words are underlined. Only fields with changes are shown.</p>
          <VersionDiff before={since.left.content as CaseDraft} after={since.right.content as CaseDraft} headingLevel={3} onlyChanged />
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <article aria-labelledby="case-heading" tabIndex={0} className="rounded-lg border border-stone-200 bg-white p-5 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <h2 id="case-heading" className="mb-3 text-lg font-semibold">The case</h2>
          <CaseDetails content={view.content} codeListVersion={view.codeListVersion} headingLevel={3} />
        </article>
        <div className="space-y-6">
          {open ? (
            <>
              <section aria-labelledby="comments-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-5">
                <h2 id="comments-heading" className="text-lg font-semibold">Feedback comments</h2>
                {pending.length ? (
                  <CommentThreads caseId={view.id} comments={pending} canReply />
                ) : (
                  <p className="text-sm text-stone-700">No comments on this version yet.</p>
                )}
                <CommentForm caseId={view.id} />
              </section>
              <section aria-labelledby="checklist-heading" className="space-y-3">
                <h2 id="checklist-heading" className="text-lg font-semibold">Six-condition checklist</h2>
                <p className="text-sm text-stone-700">
                  Describe conditions 1 and 2; rate, with evidence, the conditions the trainee chose, and add any others you want to rate. Quote the narrative if you like.
                  Ratings that differ from the trainee&apos;s are marked.
                </p>
                {lastReview && open ? (
                  <Alert tone="info">
                    Started from the last review ({lastReview.reviewerName}, {formatDateTime(lastReview.createdAt)}): change anything that no longer fits this version.
                  </Alert>
                ) : null}
                <ReviewForm
                  caseId={view.id}
                  version={view.version}
                  self={latest?.selfAssessment}
                  selfVersion={latest?.codeListVersion}
                  previous={open && lastReview ? { ratings: lastReview.ratings, whatToChange: lastReview.whatToChange } : null}
                  returnTo={returnTo}
                />
              </section>
            </>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="earlier" className="mt-8">
        <h2 id="earlier" className="text-lg font-semibold">Earlier reviews</h2>
        <div className="mt-3">
          <ReviewHistory view={view} />
        </div>
      </section>
    </>
  );
});
