import type { Metadata } from "next";
import { TwoFactorPolicyForm } from "@/components/admin/two-factor-policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSignInSettings } from "@/lib/orgs/security";
import { PasskeySignInForm } from "@/components/admin/passkey-sign-in-form";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Sign-in security" };

export default authedPage({ permission: "org.manage" }, async function AdminSecurityPage(ctx) {
  const settings = await getSignInSettings(ctx);
  return (
    <>
      <PageHeader title="Sign-in security" description={`How people sign in to ${ctx.orgName}.`} />
      <section aria-labelledby="two-step" className="max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="two-step" className="text-lg font-semibold">
          Two-step sign-in
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          After their password, people confirm it&apos;s them with an authenticator app or a passkey. Someone who must use it and hasn&apos;t set it up is taken to set it up at
          their next sign-in, and can do nothing else until they have. If someone loses their phone, reset their two-step sign-in from their member page.
        </p>
        <TwoFactorPolicyForm policy={settings.twoFactorPolicy} />
      </section>
      <section aria-labelledby="passkeys" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="passkeys" className="text-lg font-semibold">
          Passkeys
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          Anyone can use a passkey for the second step. Signing in with a passkey alone needs the device&apos;s fingerprint, face or PIN as well, so it is as strong
          as a password and a second step. It applies to someone only when every organisation they belong to allows it.
        </p>
        <PasskeySignInForm allowed={settings.passkeySignIn} />
      </section>
    </>
  );
});
