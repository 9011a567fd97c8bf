import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { type Ctx } from "@/lib/core/context";
import { getContinueLearning } from "@/lib/modules/queries";
import { OrgCasesPanel } from "@/components/cases/org-cases-panel";
import { OnboardingChecklistPanel } from "@/components/onboarding/onboarding-checklist-panel";
import { TraineeCasesPanel } from "@/components/cases/trainee-cases-panel";
import { ReviewQueuePanel } from "@/components/reviews/review-queue-panel";
import { getMemberCounts, listMyTrainees } from "@/lib/orgs/overview";
import { UnsupervisedPanel } from "@/components/admin/unsupervised-panel";
import { SetupGuide } from "@/components/admin/setup-guide";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Home" };

async function ContinueLearning({ ctx }: { ctx: Ctx }) {
  const next = await getContinueLearning(ctx);
  return (
    <section aria-labelledby="continue" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="continue" className="text-lg font-semibold">
        Continue where you left off
      </h2>
      {next?.allDone ? (
        <>
          <p className="mt-2 text-stone-700">
            Nothing in progress. You&apos;ve completed {next.completed} module{next.completed === 1 ? "" : "s"}; start another or revisit one.
          </p>
          <Link className={`${buttonClass("secondary")} mt-3`} href="/modules">
            Browse the modules
          </Link>
        </>
      ) : next ? (
        <>
          <p className="mt-2 text-stone-700">
            {next.moduleTitle}: {next.lessonsDone} of {next.lessonCount} lessons complete.
          </p>
          <Link
            className={`${buttonClass("primary")} mt-3`}
            href={next.lesson ? `/modules/${next.moduleSlug}/lessons/${next.lesson.slug}` : `/modules/${next.moduleSlug}/check`}
          >
            {next.lesson ? `Continue: ${next.lesson.title}` : "Take the knowledge check"}
          </Link>
        </>
      ) : (
        <>
          <p className="mt-2 text-stone-700">You haven&apos;t started a module yet. Module 1 takes about 15 minutes to read.</p>
          <Link className={`${buttonClass("primary")} mt-3`} href="/modules">
            Browse the modules
          </Link>
        </>
      )}
    </section>
  );
}

async function TraineeHome({ ctx }: { ctx: Ctx }) {
  return (
    <>
      <PageHeader title="Your training" description={`Welcome, ${ctx.userName}. Pick up your modules and case logs at ${ctx.orgName}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ContinueLearning ctx={ctx} />
        <TraineeCasesPanel ctx={ctx} />
      </div>
    </>
  );
}

async function SupervisorHome({ ctx }: { ctx: Ctx }) {
  const trainees = await listMyTrainees(ctx);
  return (
    <>
      <PageHeader title="Supervision" description={`Welcome, ${ctx.userName}. Your trainees at ${ctx.orgName}.`} />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <ReviewQueuePanel ctx={ctx} />
        <TraineeCasesPanel ctx={ctx} />
      </div>
      <section aria-labelledby="my-trainees" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="my-trainees" className="text-lg font-semibold">
          Trainees assigned to you
        </h2>
        {trainees.length === 0 ? (
          <p className="mt-2 text-stone-700">No trainees are assigned to you yet. Your organisation&apos;s admin assigns them.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {trainees.map((t) => (
              <li key={t.membershipId} className="py-2">
                <span className="font-medium">{t.name}</span> <span className="text-sm text-stone-600">{t.email}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

async function AdminHome({ ctx }: { ctx: Ctx }) {
  const counts = await getMemberCounts(ctx);
  const stats = [
    { label: "Trainees", value: counts.trainees },
    { label: "Supervisors", value: counts.supervisors },
    { label: "Admins", value: counts.admins },
    { label: "Deactivated", value: counts.deactivated },
  ];
  return (
    <>
      <PageHeader title="Organisation overview" description={`${ctx.orgName}: people, training completion and supervision activity.`} />
      <SetupGuide ctx={ctx} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-700">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{s.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <UnsupervisedPanel ctx={ctx} />
      </div>
      <div className="mt-6">
        <OrgCasesPanel ctx={ctx} />
      </div>
      <p className="mt-6">
        <Link href="/admin/members">Manage members</Link>
      </p>
    </>
  );
}

export default authedPage(async function HomePage(ctx, { searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const { notice } = await searchParams;
  return (
    <>
      {notice === "org-not-found" ? (
        <div className="mb-4">
          <Alert tone="warning">That organisation isn&apos;t one of yours, so we kept you in {ctx.orgName}.</Alert>
        </div>
      ) : null}
      <OnboardingChecklistPanel ctx={ctx} />
      {ctx.role === "trainee" ? <TraineeHome ctx={ctx} /> : ctx.role === "supervisor" ? <SupervisorHome ctx={ctx} /> : <AdminHome ctx={ctx} />}
    </>
  );
});
