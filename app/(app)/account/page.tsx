import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { SessionsList } from "@/components/auth/sessions-list";
import { listMySessions } from "@/lib/auth/my-sessions";
import { formatIn } from "@/lib/util/intl";
import { ActionButton } from "@/components/admin/action-button";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { smtpConfigured } from "@/lib/email/send";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { getPreferences } from "@/lib/notifications/preferences";
import { sendVerificationAction } from "@/lib/auth/actions/account";
import { authedPage } from "@/lib/core/page";

function describeDevice(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

const when = (d: Date) => formatIn(d, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });

export const metadata: Metadata = { title: "Account" };

export default authedPage(async function AccountPage(ctx) {
  const sessions = (await listMySessions(ctx)).map((s) => ({
    id: s.id,
    current: s.current,
    device: describeDevice(s.userAgent),
    createdAt: when(s.createdAt),
    lastSeenAt: when(s.lastSeenAt),
  }));
  const [verification, prefs] = await Promise.all([getEmailVerification(ctx.userId), getPreferences(ctx)]);
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
    </>
  );
});
