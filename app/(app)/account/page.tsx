import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { SessionsList } from "@/components/auth/sessions-list";
import { listMySessions, listMySignIns } from "@/lib/auth/my-sessions";
import { describeDevice, describeMethod } from "@/lib/auth/device-label";
import { SignInHistory } from "@/components/auth/sign-in-history";
import { myFactors } from "@/lib/auth/two-factor/state";
import { formatIn } from "@/lib/util/intl";
import { ActionButton } from "@/components/admin/action-button";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { smtpConfigured } from "@/lib/email/send";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { getPreferences } from "@/lib/notifications/preferences";
import { sendVerificationAction } from "@/lib/auth/actions/account";

const when = (d: Date) => formatIn(d, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const ctx = await requireContext();
  const sessions = (await listMySessions(ctx)).map((s) => ({
    id: s.id,
    current: s.current,
    device: describeDevice(s.userAgent),
    createdAt: when(s.createdAt),
    lastSeenAt: when(s.lastSeenAt),
  }));
  const [verification, prefs, signIns, factors] = await Promise.all([getEmailVerification(ctx.userId), getPreferences(ctx), listMySignIns(ctx), myFactors(ctx.userId)]);
  const history = signIns.map((s) => ({
    id: s.id,
    at: when(s.createdAt),
    method: describeMethod(s.method, s.secondFactor),
    device: describeDevice(s.userAgent),
    address: s.address,
    state: s.factorPending ? (s.live ? "Second step not finished" : "Second step never finished") : s.live ? "Signed in" : s.revokedAt ? "Signed out" : "Ended",
  }));
  return (
    <>
      <PageHeader title="Your account" description={`${ctx.userName} · ${ctx.userEmail} · ${ROLE_LABELS[ctx.role]} at ${ctx.orgName}`} />
      <section aria-labelledby="email" className="mb-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="email" className="text-lg font-semibold">
          Email address
        </h2>
        {verification.verified ? (
          <p className="mt-1 text-sm text-stone-700">
            {verification.email} is verified{verification.verifiedAt ? ` (since ${when(verification.verifiedAt)})` : ""}.
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-stone-700">
              <strong>{verification.email} is not verified yet.</strong> Until you follow a link sent to this address, case material is hidden from your account
              {smtpConfigured() ? "." : ". This Rapport has no mail server, so the link is given to the person who runs it, who will pass it on to you."}
            </p>
            <div className="mt-3">
              <ActionButton action={sendVerificationAction} payload={{}} label="Send me a verification link" success="Verification link sent. Check your email." variant="primary" />
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="two-step" className="mb-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="two-step" className="text-lg font-semibold">
          Two-step sign-in
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          {factors.totp || factors.passkeys
            ? `On: ${[factors.totp ? "your authenticator app" : null, factors.passkeys ? `${factors.passkeys} passkey${factors.passkeys === 1 ? "" : "s"}` : null].filter(Boolean).join(" and ")}.`
            : "Off."}{" "}
          {factors.required && !factors.totp && !factors.passkeys ? "Your organisation requires it for your role." : ""}
        </p>
        <p className="mt-2 text-sm">
          <Link href="/account/security">Manage two-step sign-in</Link>
        </p>
      </section>
      <section aria-labelledby="pw" className="max-w-md rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="pw" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mt-1 text-sm text-stone-700">Changing your password signs you out on every device, this one included.</p>
        <div className="mt-4">
          <ChangePasswordForm />
        </div>
      </section>
      <section aria-labelledby="notifications" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="notifications" className="text-lg font-semibold">
          Notifications
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Everything appears in your <Link href="/inbox">inbox</Link>. Choose what also reaches {ctx.userEmail} by email, straight away or once a day in a digest (sent soon after
          midnight, listing what you haven&apos;t opened yet). These choices apply in {ctx.orgName}.
        </p>
        <div className="mt-4">
          <NotificationPreferencesForm role={ctx.role} prefs={prefs} />
        </div>
      </section>
      <section aria-labelledby="sessions" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="sessions" className="text-lg font-semibold">
          Where you&apos;re signed in
        </h2>
        <p className="mt-1 text-sm text-stone-700">Sessions end after 2 hours without activity and 12 hours after signing in.</p>
        <div className="mt-3">
          <SessionsList sessions={sessions} />
        </div>
      </section>
      <section aria-labelledby="history" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="history" className="text-lg font-semibold">
          Recent sign-ins
        </h2>
        <p className="mt-1 text-sm text-stone-700">The last 20 times someone signed in to your account. If one wasn&apos;t you, change your password and sign out your other sessions.</p>
        <div className="mt-3">
          <SignInHistory rows={history} />
        </div>
      </section>
    </>
  );
}
