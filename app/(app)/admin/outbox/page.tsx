import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { listOutbox } from "@/lib/email/outbox";
import { smtpConfigured } from "@/lib/email/send";
import { decodeCursor, encodeCursor, isAtCursor } from "@/lib/util/cursor";
import { can } from "@/lib/core/permissions";
import { formatIn } from "@/lib/util/intl";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Outbox" };

const STATUS = { stored: "Not sent (no mail server)", queued: "Queued", sent: "Sent", failed: "Failed" } as const;

/** Shows text with its web links clickable (the text itself is rendered as text, never as HTML). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <a key={i} href={p} className="break-all">{p}</a> : <span key={i}>{p}</span>))}
    </>
  );
}

export default authedPage({ permission: "org.manage" }, async function OutboxPage(ctx, { searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const sp = await searchParams;
  const { rows, next } = await listOutbox(ctx, { after: decodeCursor(sp.after, isAtCursor) });
  return (
    <>
      <PageHeader title="Outbox" description="Every email Rapport has sent for your organisation, newest first." />
      {!smtpConfigured() ? (
        <div className="mb-4">
          <Alert tone="info" title="Email isn't set up on this server">
            Messages stay here instead of being sent. Copy an invitation link from a message below and pass it on yourself, or ask whoever runs Rapport to set
            SMTP_URL. Because you can read these links, someone who joins through one is shown as &ldquo;email not verified&rdquo; until they follow a
            verification link sent to their own mailbox (without a mail server, the person who runs Rapport finds it in the server&apos;s log). Until then
            they can&apos;t read case material. Password reset and verification links never appear here.
          </Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-700">No emails yet. Invitations, reminders and notices Rapport sends appear here. <Link href="/admin/invitations">Invite someone</Link> to send the first.</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="outbox-message">
              <details>
                <summary className="min-h-11 cursor-pointer py-2">
                  <span className="font-medium">{m.subject}</span> <span className="text-stone-700">to {m.to}</span>
                  <span className="block text-sm text-stone-700">
                    {STATUS[m.status]} · {formatIn(m.createdAt, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" })}
                    {m.error ? ` · ${m.error}` : ""}
                  </span>
                </summary>
                <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-stone-50 p-3 font-sans text-sm text-stone-900">
                  <Linkified text={m.text} />
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/outbox?after=${encodeCursor(next)}`}>Older emails</Link>
        </p>
      ) : null}
    </>
  );
});
