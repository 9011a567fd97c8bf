import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { SessionsList } from "@/components/auth/sessions-list";
import { listMySessions, listMySignIns } from "@/lib/auth/my-sessions";
import { describeDevice, describeMethod } from "@/lib/auth/device-label";
import { SignInHistory } from "@/components/auth/sign-in-history";
import { myFactors } from "@/lib/auth/two-factor/state";
import { formatDateTime } from "@/lib/util/intl";
import { ActionButton } from "@/components/admin/action-button";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { smtpConfigured } from "@/lib/email/send";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { getPreferences } from "@/lib/notifications/preferences";
import { sendVerificationAction } from "@/lib/auth/actions/account";
import { getMyAccountProfile } from "@/lib/auth/profile";
import { orgTimeZone } from "@/lib/orgs/settings";
import { AccountProfileForm } from "@/components/account/account-profile-form";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { buttonClass } from "@/components/ui/button";
import { authedPage } from "@/lib/core/page";


export const metadata: Metadata = { title: "Account" };

const SECTIONS = [
  { id: "profile", label: "Profile" },
  { id: "email", label: "Email address" },
  { id: "two-step", label: "Two-step sign-in" },
  { id: "pw", label: "Password" },
  { id: "notifications", label: "Notifications" },
  { id: "sessions", label: "Where you're signed in" },
  { id: "history", label: "Recent sign-ins" },
  { id: "records", label: "Your records" },
];

const card = "mb-6 max-w-2xl scroll-mt-4 rounded-lg border border-stone-200 bg-white p-5";

export default authedPage(async function AccountPage(ctx) {
  const [mySessions, verification, prefs, profile, zone] = await Promise.all([listMySessions(ctx), getEmailVerification(ctx.userId), getPreferences(ctx), getMyAccountProfile(ctx), orgTimeZone(ctx)]);
  const when = (d: Date) => formatDateTime(d, zone);
  const sessions = mySessions.map((s) => ({
    id: s.id,
    current: s.current,
    device: describeDevice(s.userAgent),
    createdAt: when(s.createdAt),
    lastSeenAt: when(s.lastSeenAt),
  }));
  const [signIns, factors] = await Promise.all([listMySignIns(ctx), myFactors(ctx.userId)]);
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
      <nav aria-label="On this page" className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="inline-block py-2">
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section id="profile" aria-labelledby="profile-heading" className={card}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-700">The same in every organisation you belong to.</p>
        <AccountProfileForm initial={{ name: profile.name, preferredName: profile.preferredName, pronouns: profile.pronouns }} />
      </section>
      <section id="email" aria-labelledby="email-heading" className={card}>
        <h2 id="email-heading" className="text-lg font-semibold">
          Email address
        </h2>
        {verification.verified ? (
          <p className="mt-1 text-sm text-stone-700">
            {verification.email} is verified{verification.verifiedAt ? ` (since ${when(verification.verifiedAt)})` : ""}. You sign in with it and Rapport writes to you there.
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
        <h3 className="mt-6 text-base font-semibold">Change your email address</h3>
        <p className="mb-4 mt-1 text-sm text-stone-700">
          We send a link to the new address; your address changes when you open it.
          {smtpConfigured() ? "" : " This Rapport has no mail server, so the link is given to the person who runs it, who will pass it on to you."}
        </p>
        <EmailChangeForm currentEmail={verification.email} />
      </section>
      <section id="two-step" aria-labelledby="two-step-heading" className={card}>
        <h2 id="two-step-heading" className="text-lg font-semibold">
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
      <section id="pw" aria-labelledby="pw-heading" className={card}>
        <h2 id="pw-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mt-1 text-sm text-stone-700">Changing your password signs you out on every device, this one included.</p>
        <div className="mt-4 max-w-md">
          <ChangePasswordForm />
        </div>
      </section>
      <section id="notifications" aria-labelledby="notifications-heading" className={card}>
        <h2 id="notifications-heading" className="text-lg font-semibold">
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
      <section id="sessions" aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you&apos;re signed in
        </h2>
        <p className="mt-1 text-sm text-stone-700">Sessions end after 2 hours without activity and 12 hours after signing in. Times are in {zone.replace(/_/g, " ")} time.</p>
        <div className="mt-3">
          <SessionsList sessions={sessions} />
        </div>
      </section>
      <section id="history" aria-labelledby="history-heading" className={card}>
        <h2 id="history-heading" className="text-lg font-semibold">
          Recent sign-ins
        </h2>
        <p className="mt-1 text-sm text-stone-700">The last 20 times someone signed in to your account. If one wasn&apos;t you, change your password and sign out your other sessions.</p>
        <div className="mt-3">
          <SignInHistory rows={history} />
        </div>
      </section>
      <section id="records" aria-labelledby="records-heading" className={card}>
        <h2 id="records-heading" className="text-lg font-semibold">
          Your records
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Take your records with you: one ZIP file with your certificates and transcript (PDF), your case log with its reviews and your reflections (spreadsheet files), and
          a note of what is in it. Case material is clinical: keep the file somewhere only you can reach.
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <a className={buttonClass("primary")} href="/account/portfolio.zip">
            Export my records (ZIP)
          </a>
          <Link className={buttonClass("secondary")} href="/certificates">
            My certificates
          </Link>
        </div>
      </section>
    </>
  );
});
