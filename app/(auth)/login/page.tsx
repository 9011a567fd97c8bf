import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { PasskeySignInButton } from "@/components/auth/passkey-buttons";
import { SsoSignInForm } from "@/components/auth/sso-sign-in";
import { getContext } from "@/lib/core/context";
import { safeCallback } from "@/lib/util/safe-redirect";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Sign in" };

export default publicPage(async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getContext()) redirect(callbackUrl);
  const notice =
    params.notice === "password-changed" ? "Your password has been changed. Sign in with your new password." : params.notice === "signed-out" ? "You have signed out." : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">Sign in to Rapport</h1>
      <p className="mt-2 text-stone-700">
        New here? <Link href="/signup">Create an organisation</Link>. Joining a team? Use the link in your invitation email.
      </p>
      <div className="mt-6">
        <LoginForm callbackUrl={callbackUrl} notice={notice} />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/reset-password">Forgot your password?</Link>
      </p>
      <div className="mt-6 border-t border-stone-200 pt-6">
        <PasskeySignInButton callbackUrl={callbackUrl} />
      </div>
      <div className="mt-6 border-t border-stone-200 pt-6">
        <SsoSignInForm callbackUrl={callbackUrl} />
      </div>
    </>
  );
});
