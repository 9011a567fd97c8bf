import Link from "next/link";
import type { Ctx } from "@/lib/core/context";
import { getChecklistWithPractice } from "@/lib/practice/checklist";
import { ChecklistList } from "./checklist-list";

/** For the home page: the caller's onboarding checklist, or nothing once every item is done. */
export async function OnboardingChecklistPanel({ ctx }: { ctx: Ctx }) {
  const checklist = await getChecklistWithPractice(ctx);
  if (checklist.complete) return null;
  return (
    <section aria-labelledby="onboarding-panel" className="mb-6 rounded-lg border border-brand-600 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="onboarding-panel" className="text-lg font-semibold">
          Getting started at {ctx.orgName}
        </h2>
        <p className="text-sm text-stone-700">
          {checklist.done} of {checklist.total} done
        </p>
      </div>
      <ChecklistList checklist={checklist} />
      <p className="mt-2 text-sm">
        <Link href="/onboarding">Open your onboarding checklist</Link>
      </p>
    </section>
  );
}
