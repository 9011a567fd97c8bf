import type { Metadata } from "next";
import { ChecklistList } from "@/components/onboarding/checklist-list";
import { ProfileForm } from "@/components/onboarding/profile-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getChecklistWithPractice } from "@/lib/practice/checklist";
import { getMyProfile } from "@/lib/onboarding/profile";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Getting started" };

export default authedPage(async function OnboardingPage(ctx) {
  const [checklist, profile] = await Promise.all([getChecklistWithPractice(ctx), getMyProfile(ctx)]);
  return (
    <>
      <PageHeader title="Getting started" description={`Welcome to ${ctx.orgName}, ${ctx.userName}. Work through these steps; your organisation can see your progress on required modules.`} />
      <section aria-labelledby="checklist" className="rounded-lg border border-stone-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="checklist" className="text-lg font-semibold">Your checklist</h2>
          <p className="text-sm text-stone-700" data-testid="checklist-progress">
            {checklist.done} of {checklist.total} done
          </p>
        </div>
        {checklist.complete ? (
          <div className="mt-3">
            <Alert tone="success">You&apos;ve finished onboarding. Everything on this list is done.</Alert>
          </div>
        ) : null}
        <ChecklistList checklist={checklist} />
      </section>
      <section id="profile" aria-labelledby="profile-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="profile-heading" className="mb-4 text-lg font-semibold">Your profile</h2>
        <ProfileForm initial={profile} />
      </section>
    </>
  );
});
