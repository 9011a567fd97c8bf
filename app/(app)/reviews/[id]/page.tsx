import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseDetails } from "@/components/cases/case-details";
import { formatDateTime } from "@/components/cases/format";
import { loadCaseOr404 } from "@/components/cases/load";
import { ReviewHistory } from "@/components/cases/review-history";
import { StatusBadge } from "@/components/cases/status-badge";
import { CommentForm } from "@/components/reviews/comment-form";
import { ReviewForm } from "@/components/reviews/review-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/context";
import { labelOf } from "@/lib/cases/codes";
import { decide } from "@/lib/cases/workflow";

export const metadata: Metadata = { title: "Review case" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  const view = await loadCaseOr404(ctx, id, "review");
  // Only the trainee's assigned supervisors review; the author and an org_admin do not.
  if (view.level !== "full" || !view.relation.assignedSupervisor || view.relation.author) notFound();
  const open = decide(view.relation, view.status, "sign_off").ok;
  const latest = view.versions[view.versions.length - 1];
  const pending = view.comments.filter((c) => c.submission === latest?.number);
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
                  <ul className="space-y-2 text-sm">
                    {pending.map((c) => (
                      <li key={c.id} className="rounded-md border border-stone-200 p-2">
                        <span className="font-semibold">{labelOf("focus", c.focus)}</span> · {c.authorName}, {formatDateTime(c.createdAt)}
                        <p className="whitespace-pre-wrap">{c.body}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-stone-700">No comments on this version yet.</p>
                )}
                <CommentForm caseId={view.id} />
              </section>
              <section aria-labelledby="checklist-heading" className="space-y-3">
                <h2 id="checklist-heading" className="text-lg font-semibold">Six-condition checklist</h2>
                <p className="text-sm text-stone-700">Rate each condition, note your evidence and, if you like, quote the narrative. Ratings that differ from the trainee&apos;s are marked.</p>
                <ReviewForm caseId={view.id} version={view.version} self={latest?.selfAssessment} />
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
}
