import "server-only";
import { eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { rowsOf } from "@/db/rows";

// Every email goes through here. Messages are written to the outbox inside the caller's
// transaction, so an email exists only if the change it announces commits.
// - Without SMTP_URL they stay there ("stored") for an org_admin to read and pass on by hand.
// - With SMTP_URL they are "queued": a worker claims a batch (FOR UPDATE SKIP LOCKED, so two
//   workers or two instances never take the same row), sends, and marks each sent; a failure is
//   retried with back-off. The admin-readable columns hold a redacted copy; what the mail server
//   receives (links included) sits in deliver_text/deliver_html until sent, then is cleared.
// Nobody waits on the mail server inside a request unless it asks to (deliver()), so a request's
// timing says nothing about whether an email was sent (no account enumeration by timing).

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
/** Minutes to wait after the 1st, 2nd … failed attempt; after the last the message is given up. */
export const RETRY_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
const CLAIM_MS = 2 * 60 * 1000;
const BATCH = 20;

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

/** A subject line can't carry control characters or a link, whatever a user typed into a name. */
export function safeSubject(subject: string): string {
  return subject
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\b(?:https?:\/\/|www\.)\S*/gi, "[link removed]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

export type Pending = { ids: string[]; deliver: () => Promise<{ sent: number; failed: number }> };

/**
 * Writes the messages to the outbox (inside the caller's transaction). Call deliver() after the
 * commit to send what is queued now; the background worker sends it anyway.
 */
export async function queueEmails(db: DbOrTx, messages: EmailMessage[]): Promise<Pending> {
  if (messages.length === 0) return { ids: [], deliver: async () => ({ sent: 0, failed: 0 }) };
  const smtp = smtpConfigured();
  const ids: string[] = [];
  const now = new Date();
  for (let i = 0; i < messages.length; i += 1000) {
    const chunk = messages.slice(i, i + 1000);
    const rows = await db
      .insert(outbox)
      .values(
        chunk.map((m) => ({
          organisationId: m.organisationId,
          to: m.to,
          subject: safeSubject(m.subject),
          text: smtp ? redact(m.text, m.secrets) : m.text,
          html: m.html ? (smtp ? redact(m.html, m.secrets) : m.html) : null,
          kind: m.kind,
          status: smtp ? ("queued" as const) : ("stored" as const),
          deliverText: smtp ? m.text : null,
          deliverHtml: smtp ? (m.html ?? null) : null,
          nextAttemptAt: smtp ? now : null,
        })),
      )
      .returning({ id: outbox.id });
    ids.push(...rows.map((r) => r.id));
  }
  return { ids, deliver: smtp ? () => drainOutbox() : async () => ({ sent: 0, failed: 0 }) };
}

type Claimed = { id: string; to: string; subject: string; text: string; html: string | null; deliver_text: string | null; deliver_html: string | null; attempts: number };

/** Takes up to `limit` due messages for this worker; rows another worker holds are skipped. */
async function claim(limit: number): Promise<Claimed[]> {
  const db = await getDb();
  const until = new Date(Date.now() + CLAIM_MS).toISOString();
  const result = await db.execute(sql`
    update outbox set claimed_until = ${until}::timestamptz, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'queued' and coalesce(next_attempt_at, created_at) <= now()
        and (claimed_until is null or claimed_until < now())
      order by coalesce(next_attempt_at, created_at), id
      limit ${limit}
      for update skip locked)
    returning id, "to", subject, text, html, deliver_text, deliver_html, attempts`);
  return rowsOf<Claimed>(result);
}

async function sendOne(m: Claimed): Promise<boolean> {
  const db = await getDb();
  try {
    await transport().sendMail({ from: emailFrom(), to: m.to, subject: m.subject, text: m.deliver_text ?? m.text, html: (m.deliver_html ?? m.html) || undefined });
  } catch (e) {
    // The recipient's address and the body stay out of the log; the id finds the row.
    const message = String(e instanceof Error ? e.message : e).slice(0, 500);
    const giveUp = m.attempts >= MAX_ATTEMPTS;
    console.error(`[rapport] email ${m.id} attempt ${m.attempts} failed${giveUp ? " (giving up)" : ""}: ${message}`);
    const wait = RETRY_MINUTES[Math.min(m.attempts, RETRY_MINUTES.length) - 1] * 60_000;
    await db
      .update(outbox)
      .set(
        giveUp
          ? { status: "failed", error: message, claimedUntil: null, deliverText: null, deliverHtml: null }
          : { error: message, claimedUntil: null, nextAttemptAt: new Date(Date.now() + wait) },
      )
      .where(eq(outbox.id, m.id));
    return false;
  }
  await db.update(outbox).set({ status: "sent", sentAt: new Date(), error: null, claimedUntil: null, deliverText: null, deliverHtml: null }).where(eq(outbox.id, m.id));
  return true;
}

/**
 * One worker's pass over the queue: claims batches until nothing is due. Several passes may run
 * at once, in one process or many; each message goes to exactly one of them.
 */
export async function drainRun(): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claim(BATCH);
    if (batch.length === 0) break;
    for (const m of batch) {
      if (await sendOne(m)) sent++;
      else failed++;
    }
  }
  return { sent, failed };
}

const draining = { current: null as Promise<{ sent: number; failed: number }> | null };

/**
 * Sends every message that is due, batch by batch, until none is left. Safe to call from several
 * places at once: within a process the calls share one run; across processes the claims split the work.
 */
export function drainOutbox(): Promise<{ sent: number; failed: number }> {
  if (!smtpConfigured()) return Promise.resolve({ sent: 0, failed: 0 });
  if (draining.current) return draining.current.then(() => drainOutbox());
  const run = drainRun();
  draining.current = run;
  return run.finally(() => {
    if (draining.current === run) draining.current = null;
  });
}

/** Starts a drain without waiting for it: for requests whose answer must not depend on the mail server. */
export function drainSoon(): void {
  drainOutbox().catch((e) => console.error(`[rapport] outbox drain failed: ${e instanceof Error ? e.message : e}`));
}

/** Sends one message now (outside any transaction). */
export async function send(message: EmailMessage): Promise<{ id: string; status: "stored" | "sent" | "queued" }> {
  const db = await getDb();
  const pending = await queueEmails(db, [message]);
  if (!smtpConfigured()) return { id: pending.ids[0], status: "stored" };
  await pending.deliver();
  const [row] = await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, pending.ids[0]));
  return { id: pending.ids[0], status: row?.status === "sent" ? "sent" : "queued" };
}
