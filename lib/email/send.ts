import "server-only";
import { inArray, eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";

// Every email goes through here. With SMTP_URL set it is delivered by nodemailer and recorded in
// the outbox as sent (secrets such as invitation links redacted from the stored copy); without
// it the message stays in the outbox ("stored") where an org_admin can read it in the app.

export type EmailMessage = {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  /** Substrings (e.g. a token link) kept out of the stored copy when the email really goes out. */
  secrets?: string[];
};

export const REDACTED = "[link sent by email]";

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM || "Rapport <no-reply@rapport.invalid>";
}

const g = globalThis as unknown as { __rapportSmtp?: { url: string; transport: Transporter } };
function transport(): Transporter {
  const url = process.env.SMTP_URL as string;
  if (g.__rapportSmtp?.url !== url) g.__rapportSmtp = { url, transport: nodemailer.createTransport(url) };
  return g.__rapportSmtp.transport;
}

function redact(s: string, secrets: string[] = []): string {
  return secrets.reduce((acc, sec) => (sec ? acc.split(sec).join(REDACTED) : acc), s);
}

export type Pending = { ids: string[]; deliver: () => Promise<{ sent: number; failed: number }> };

/**
 * Writes the messages to the outbox (inside the caller's transaction, so they exist only if the
 * change they announce commits). Call deliver() after the commit: with SMTP it sends them.
 */
export async function queueEmails(db: DbOrTx, messages: EmailMessage[]): Promise<Pending> {
  if (messages.length === 0) return { ids: [], deliver: async () => ({ sent: 0, failed: 0 }) };
  const smtp = smtpConfigured();
  const ids: string[] = [];
  for (let i = 0; i < messages.length; i += 1000) {
    const chunk = messages.slice(i, i + 1000);
    const rows = await db
      .insert(outbox)
      .values(
        chunk.map((m) => ({
          organisationId: m.organisationId,
          to: m.to,
          subject: m.subject,
          text: smtp ? redact(m.text, m.secrets) : m.text,
          html: m.html ? (smtp ? redact(m.html, m.secrets) : m.html) : null,
          kind: m.kind,
          status: smtp ? ("queued" as const) : ("stored" as const),
        })),
      )
      .returning({ id: outbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return { ids, deliver: smtp ? () => deliver(ids, messages) : async () => ({ sent: 0, failed: 0 }) };
}

async function deliver(ids: string[], messages: EmailMessage[]) {
  const db = await getDb();
  const sent: string[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const i = next++;
      const m = messages[i];
      try {
        await transport().sendMail({ from: emailFrom(), to: m.to, subject: m.subject, text: m.text, html: m.html });
        sent.push(ids[i]);
      } catch (e) {
        failed++;
        console.error(`[rapport] email ${ids[i]} to ${m.to} failed:`, e instanceof Error ? e.message : e);
        await db.update(outbox).set({ status: "failed", error: String(e instanceof Error ? e.message : e).slice(0, 500) }).where(eq(outbox.id, ids[i]));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, messages.length) }, worker));
  for (let i = 0; i < sent.length; i += 1000) {
    await db.update(outbox).set({ status: "sent", sentAt: new Date() }).where(inArray(outbox.id, sent.slice(i, i + 1000)));
  }
  return { sent: sent.length, failed };
}

/** Sends one message now (outside any transaction). */
export async function send(message: EmailMessage): Promise<{ id: string; status: "stored" | "sent" | "failed" }> {
  const db = await getDb();
  const pending = await queueEmails(db, [message]);
  if (!smtpConfigured()) return { id: pending.ids[0], status: "stored" };
  const r = await pending.deliver();
  return { id: pending.ids[0], status: r.sent === 1 ? "sent" : "failed" };
}
