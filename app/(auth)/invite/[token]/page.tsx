import type { Metadata } from "next";
import Link from "next/link";
import { AcceptNewForm, JoinButton } from "@/components/onboarding/accept-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/core/context";
import { UNUSABLE, viewInvitation, type InviteState } from "@/lib/onboarding/accept";
import { formatDate } from "@/lib/onboarding/due";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { publicPage } from "@/lib/core/page";
import { primePasswordCheck } from "@/lib/auth/password-strength";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const HEADINGS: Record<Exclude<InviteState, "valid">, string> = {
  expired: "This invitation has expired",
  accepted: "This invitation has already been used",
  revoked: "This invitation was withdrawn",
  replaced: "This invitation link was replaced",
  unknown: "We don't recognise this invitation",
};

export default publicPage(async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await viewInvitation(token);
  if (view.state !== "valid") {
    return (
      <>
        <h1 className="text-2xl font-semibold">{HEADINGS[view.state]}</h1>
        <div className="mt-4">
          <Alert tone="warning">
            {view.state === "expired" && view.expiresAt
              ? `It expired on ${formatDate(view.expiresAt)}. Ask ${view.inviterName ?? "the person who invited you"} at ${view.orgName} to send you a new one.`
              : UNUSABLE[view.state]}
          </Alert>
        </div>
        <p className="mt-6">
          <Link href="/login">Go to sign in</Link>
        </p>
      </>
    );
  }
  const user = await getSessionUser();
  const intro = (
    <p className="mt-2 text-stone-700">
      {view.inviterName ?? "Someone"} invited {view.email} to join <strong>{view.orgName}</strong> as a {ROLE_LABELS[view.role!].toLowerCase()}. The invitation is valid until{" "}
      {formatDate(view.expiresAt!)}.
    </p>
  );
  if (!view.hasAccount) {
    primePasswordCheck();
    return (
      <>
        <h1 className="text-2xl font-semibold">Join {view.orgName}</h1>
        {intro}
        <div className="mt-6">
          <AcceptNewForm token={token} email={view.email!} name={view.name ?? ""} />
        </div>
      </>
    );
  }
  const sameUser = user && user.email.toLowerCase() === view.email;
  return (
    <>
      <h1 className="text-2xl font-semibold">Join {view.orgName}</h1>
      {intro}
      <div className="mt-6 space-y-4">
        {sameUser ? (
          <JoinButton token={token} orgName={view.orgName!} />
        ) : user ? (
          <>
            <Alert tone="warning">
              You&apos;re signed in as {user.email}, but this invitation is for {view.email}. Sign out, then open this link again and sign in as {view.email}.
            </Alert>
            <SignOutButton />
          </>
        ) : (
          <>
            <p className="text-stone-700">You already have a Rapport account with this email. Sign in to accept the invitation.</p>
            <p>
              <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in to accept</Link>
            </p>
          </>
        )}
      </div>
    </>
  );
});
