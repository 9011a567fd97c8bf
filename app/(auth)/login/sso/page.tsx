import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { publicPage } from "@/lib/core/page";
import type { SsoError } from "@/lib/sso/paths";

export const metadata: Metadata = { title: "Single sign-on" };

const MESSAGES: Record<SsoError, string> = {
  "no-sso": "Single sign-on isn't set up for that email address. Sign in with your email and password instead, or ask your organisation's admin.",
  state: "This sign-in attempt can't be used: it expired, was already used, or was started in another browser. Start again from the sign-in page.",
  token: "Your organisation's identity provider sent an answer Rapport can't accept, so you haven't been signed in. Start again; if it keeps happening, tell your admin.",
  idp: "Your organisation's identity provider didn't sign you in. Start again, or ask your IT team for help.",
  domain: "Your organisation's identity provider didn't confirm an email address at a domain it signs people in for, so you haven't been signed in. Check you started with your work email; if you did, ask your admin.",
  mfa: "Your organisation requires two-step sign-in for your role, and your identity provider didn't confirm that you used a second step (such as an authenticator app or a security key). Ask your IT team to require multi-factor authentication for Rapport at your identity provider, then sign in again.",
  inactive: "Your access to this organisation has ended. If you think that's a mistake, ask your organisation's admin.",
  unavailable: "We couldn't reach your organisation's identity provider. Try again in a few minutes; if it keeps happening, tell your admin.",
};

export default publicPage(async function SsoOutcomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  const code = (typeof error === "string" && error in MESSAGES ? error : "state") as SsoError;
  return (
    <>
      <h1 className="text-2xl font-semibold">Single sign-on didn&apos;t finish</h1>
      <div className="mt-6">
        <Alert tone="error" title="You haven't been signed in">
          {MESSAGES[code]}
        </Alert>
      </div>
      <p className="mt-6">
        <Link href="/login">Back to sign in</Link>
      </p>
    </>
  );
});
