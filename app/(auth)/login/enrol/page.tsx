import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolStep } from "@/components/auth/enrol-step";
import { getSignInStep } from "@/lib/core/context";
import { safeCallback } from "@/lib/util/safe-redirect";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Set up two-step sign-in" };

/** Someone whose organisation requires two-step sign-in and who has no second factor yet: nothing else opens until they set one up. */
export default publicPage(async function EnrolPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const step = await getSignInStep();
  if (!step) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!step.pending) redirect(callbackUrl);
  if (step.pending !== "enrol") redirect(`/login/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return (
    <>
      <h1 className="text-2xl font-semibold">Set up two-step sign-in</h1>
      <p className="mt-2 text-stone-700">
        Your organisation requires two-step sign-in for your role, because Rapport holds clinical material. Set it up now to continue; it takes a minute.
      </p>
      <div className="mt-6">
        <EnrolStep callbackUrl={callbackUrl} />
      </div>
      <form action="/api/sign-out" method="post" className="mt-6 text-sm">
        <button type="submit" className="min-h-11 text-brand-700 underline">
          Not now: sign out
        </button>
      </form>
    </>
  );
});
