import type { Metadata } from "next";
import Link from "next/link";
import { CaseDetails } from "@/components/cases/case-details";
import { CaseForm } from "@/components/cases/case-form";
import { SupervisionNotice } from "@/components/cases/supervision-notice";
import { formatDate, formatDateTime } from "@/components/cases/format";
import { PrintButton } from "@/components/cases/print-button";
import { ReopenForm } from "@/components/cases/reopen-form";
import { ReviewHistory, TransitionList } from "@/components/cases/review-history";
import { StatusBadge } from "@/components/cases/status-badge";
import { CaseSuggestions } from "@/components/practice/case-suggestions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { decide, isEditable } from "@/lib/cases/workflow";
import { listCaseReaders, type CaseReader } from "@/lib/cases/readers";
import { authedPage } from "@/lib/core/page";
import { getCase } from "@/lib/cases/queries";
import { ConsentPanel } from "@/components/calibration/consent-panel";
import { CONSENT_TEXT, getConsent } from "@/lib/cases/calibration-consent";

export const metadata: Metadata = { title: "Case" };

export default authedPage(async function CasePage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> }) {
  const { id } = await params;
  const view = await getCase(ctx, id);
  const { submitted } = await searchParams;
  const canReopen = decide(view.relation, view.status, "reopen").ok;

  if (view.level === "metadata") {
    return (
      <>
        <PageHeader title="Case record" description={`Logged by ${view.authorName}. As an organisation admin you see the record, not the case narrative.`} />
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5 text-sm">
          <dt className="font-medium">Status</dt>
          <dd><StatusBadge status={view.status} /></dd>
          <dt className="font-medium">Started</dt>
          <dd>{formatDate(view.createdAt)}</dd>
          <dt className="font-medium">Last submitted</dt>
          <dd>{formatDate(view.submittedAt)}</dd>
          <dt className="font-medium">Signed off</dt>
          <dd>{view.signedOffAt ? `${formatDateTime(view.signedOffAt)} by ${view.signedOffByName} (version ${view.signedOffVersion})` : "—"}</dd>
          <dt className="font-medium">Versions submitted</dt>
          <dd>{view.counts.versions}</dd>
          <dt className="font-medium">Reviews</dt>
          <dd>{view.counts.reviews}</dd>
          <dt className="font-medium">Feedback comments</dt>
          <dd>{view.counts.comments}</dd>
        </dl>
        <h2 className="mt-6 text-lg font-semibold">History</h2>
        <TransitionList view={view} />
        {canReopen ? (
          <section aria-labelledby="reopen" className="mt-6 max-w-xl">
            <h2 id="reopen" className="text-lg font-semibold">Reopen</h2>
            <ReopenForm caseId={view.id} version={view.version} />
          </section>
        ) : null}
      </>
    );
  }

  const author = view.relation.author;
  const editing = author && isEditable(view.status);
  const lastReview = view.reviews[view.reviews.length - 1];
  const title = `Case ${view.clientCode ?? "(no client code yet)"}`;
  return (
    <>
      <PageHeader
        title={title}
        description={<>{author ? "Your case" : `Logged by ${view.authorName}`} · <StatusBadge status={view.status} /></>}
        actions={
          <>
            {view.status === "signed_off" ? (
              <>
                <PrintButton />
                <a href={`/cases/${view.id}/pdf`} className={buttonClass("secondary")}>Download PDF</a>
              </>
            ) : null}
            {view.versions.length > 1 ? <Link href={`/cases/${view.id}/versions`} className={buttonClass("secondary")}>Compare versions</Link> : null}
            {!author && view.status === "submitted" ? <Link href={`/reviews/${view.id}`} className={buttonClass("primary")}>Review this case</Link> : null}
          </>
        }
      />
      {submitted ? (
        <div className="mb-4">
          <Alert tone="success" live>Submitted for review. You&apos;ll see the review here; the list below shows who can read the case.</Alert>
        </div>
      ) : null}
      {editing ? <SupervisionNotice ctx={ctx} /> : null}
      {editing ? (
        <CaseForm
          caseId={view.id}
          version={view.version}
          content={view.content}
          dismissals={view.dismissals}
          whatToChange={view.status === "changes_requested" ? lastReview?.whatToChange : null}
          review={view.status === "changes_requested" && lastReview ? { reviewerName: lastReview.reviewerName, ratings: lastReview.ratings } : null}
        />
      ) : (
        <>
          {author && view.status === "submitted" ? (
            <div className="mb-4"><Alert>Waiting for your supervisor&apos;s review. The case is read-only until they respond.</Alert></div>
          ) : null}
          {view.status === "signed_off" ? (
            <div className="mb-4"><Alert tone="success">Signed off by {view.signedOffByName} on {formatDateTime(view.signedOffAt)} (version {view.signedOffVersion}). The case is read-only.</Alert></div>
          ) : null}
          <article className="rounded-lg border border-stone-200 bg-white p-5">
            <CaseDetails content={view.content} codeListVersion={view.codeListVersion} />
          </article>
        </>
      )}
      {view.status === "signed_off" ? (
        <section className="print-only mt-8 border-t border-stone-400 pt-4" aria-label="Signature">
          <p>Signed off by: {view.signedOffByName}</p>
          <p>Date and time: {formatDateTime(view.signedOffAt)}</p>
          <p>Case version: {view.signedOffVersion}</p>
          <p className="mt-10 w-64 border-t border-stone-900 pt-1 text-sm">Supervisor&apos;s signature</p>
        </section>
      ) : null}
      {author ? <CaseSuggestions ctx={ctx} markers={(view.content as { markers?: unknown }).markers} /> : null}
      {author ? <CaseReaders readers={await listCaseReaders(ctx, view.id)} /> : null}
      {author ? <CalibrationConsent caseId={view.id} status={view.status} consent={await getConsent(ctx, view.id)} /> : null}
      <section aria-labelledby="reviews" className="mt-8">
        <h2 id="reviews" className="text-lg font-semibold">Review and feedback</h2>
        <div className="mt-3">
          <ReviewHistory view={view} />
        </div>
      </section>
      <section aria-labelledby="history" className="mt-8 no-print">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        <TransitionList view={view} />
      </section>
      {canReopen ? (
        <section aria-labelledby="reopen" className="mt-8 max-w-xl no-print">
          <h2 id="reopen" className="text-lg font-semibold">Reopen</h2>
          <ReopenForm caseId={view.id} version={view.version} caseLabel={view.clientCode} />
        </section>
      ) : null}
    </>
  );
});

/** The author's view of exactly who can read this case. */
function CaseReaders({ readers }: { readers: CaseReader[] }) {
  return (
    <section aria-labelledby="readers" className="mt-8 max-w-2xl rounded-lg border border-stone-200 bg-white p-5 no-print">
      <h2 id="readers" className="text-lg font-semibold">Who can read this case</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        <li>You.</li>
        {readers.map((r, i) => (
          <li key={i}>
            {r.name}: {r.canRead ? "can read it (your supervisor)." : `can't read it: ${r.why}.`}
          </li>
        ))}
        {readers.length === 0 ? <li>No supervisor is assigned to you yet, so nobody else can read it. Ask your organisation&apos;s admin to assign one.</li> : null}
        <li>Your organisation&apos;s admins see its status and dates, never what you wrote.</li>
      </ul>
    </section>
  );
}

/** The author's choice about a calibration copy: offered once the case is submitted or signed off. */
function CalibrationConsent({ caseId, status, consent }: { caseId: string; status: string; consent: Awaited<ReturnType<typeof getConsent>> }) {
  if (!consent) return null;
  if (!consent.given && status !== "submitted" && status !== "signed_off") return null;
  return <ConsentPanel caseId={caseId} given={consent.given} copied={consent.copied} text={CONSENT_TEXT} />;
}
