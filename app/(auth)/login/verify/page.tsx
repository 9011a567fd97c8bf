import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { PasskeyFactorButton } from "@/components/auth/passkey-buttons";
import { getSignInStep } from "@/lib/core/context";
import { myFactors } from "@/lib/auth/two-factor/state";
import { safeCallback } from "@/lib/util/safe-redirect";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Two-step sign-in" };

/**
 * Where every password sign-in (and an SSO sign-in that owes Rapport's own step) lands next:
 * people who owe a second factor enter it here, people who must set one up are sent on to
 * enrolment, everyone else goes straight on.
 */
export default publicPage(async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const step = await getSignInStep();
  if (!step) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!step.pending) redirect(callbackUrl);
  if (step.pending === "enrol") redirect(`/login/enrol?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const factors = await myFactors(step.userId);
  return (
    <>
      <h1 className="text-2xl font-semibold">Two-step sign-in</h1>
      <p className="mt-2 text-stone-700">The first step worked. To finish signing in as {step.userEmail}, confirm it&apos;s you with your second step.</p>
      <div className="mt-6">
        <SecondFactorForm callbackUrl={callbackUrl} hasTotp={factors.totp} passkeySlot={factors.passkeys > 0 ? <PasskeyFactorButton callbackUrl={callbackUrl} /> : null} />
      </div>
      <form action="/api/sign-out" method="post" className="mt-6 text-sm">
        <button type="submit" className="min-h-11 text-brand-700 underline">
          Cancel and sign out
        </button>
      </form>
      <p className="mt-2 text-sm text-stone-700">Lost your phone and your recovery codes? Ask an admin of your organisation to reset your two-step sign-in.</p>
    </>
  );
});
