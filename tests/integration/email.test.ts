import net from "node:net";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { appBaseUrl } from "@/lib/email/base-url";
import { drainRun, MAX_ATTEMPTS, queueEmails, REDACTED, safeSubject, send } from "@/lib/email/send";
import { inviteOne } from "@/lib/onboarding/invitations";
import { listOutbox } from "@/lib/email/outbox";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { NotFoundError } from "@/lib/core/errors";
import { createOrg, uid } from "../fixtures/factory";
import { latestEmail } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on("error", reject);
  });
}

beforeAll(async () => {
  port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("email without SMTP_URL", () => {
  it("stores every message in the outbox, readable by the organisation's admin only", async () => {
    const org = await createOrg("Outbox");
    const other = await createOrg("Outbox2");
    const to = `reader.${uid()}@test.example`;
    const r = await send({ organisationId: org.orgId, to, subject: "Hello", text: "Body text", kind: "test" });
    expect(r.status).toBe("stored");
    const { rows } = await listOutbox(ctxOf(org, org.admin));
    expect(rows.map((m) => m.id)).toContain(r.id);
    expect(rows.find((m) => m.id === r.id)).toMatchObject({ to, subject: "Hello", text: "Body text", status: "stored", sentAt: null });
    expect((await listOutbox(ctxOf(other, other.admin))).rows.map((m) => m.id)).not.toContain(r.id);
    await expect(listOutbox(ctxOf(org, org.trainee))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOutbox(ctxOf(org, org.supervisor))).rejects.toBeInstanceOf(NotFoundError);
    expect(received.filter((m) => m.to.includes(to))).toHaveLength(0);
  });
});

describe("email with SMTP_URL", () => {
  it("delivers through the SMTP server and records the message as sent", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.EMAIL_FROM = "Rapport <no-reply@rapport.test>";
    const org = await createOrg("Smtp");
    const to = `smtp.${uid()}@test.example`;
    const r = await send({ organisationId: org.orgId, to, subject: "Over the wire", text: "Sent for real", kind: "test" });
    expect(r.status).toBe("sent");
    const got = received.find((m) => m.to.includes(to));
    expect(got?.from).toBe("no-reply@rapport.test");
    expect(got?.raw).toContain("Subject: Over the wire");
    expect(got?.raw).toContain("Sent for real");
    const db = await getDb();
    const [row] = await db.select().from(outbox).where(eq(outbox.id, r.id));
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends the invitation link by email and keeps it out of the stored copy", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const org = await createOrg("SmtpInv");
    const email = `invitee.${uid()}@test.example`;
    await inviteOne(ctxOf(org, org.admin), { email, name: "Ivy", role: "trainee", supervisorMembershipId: null, cohortId: null });
    const got = received.find((m) => m.to.includes(email));
    const unfolded = got?.raw.replace(/=\r?\n/g, "") ?? "";
    expect(unfolded).toContain(`${appBaseUrl()}/invite/`);
    expect(unfolded).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const stored = await latestEmail(org.orgId, email);
    expect(stored.status).toBe("sent");
    expect(stored.text).toContain(REDACTED);
    expect(stored.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    expect(stored.html ?? "").not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
  });

  it("keeps a message queued when the server can't be reached, then delivers it on a later attempt", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const org = await createOrg("SmtpDown");
    const to = `down.${uid()}@test.example`;
    const r = await send({ organisationId: org.orgId, to, subject: "Retried", text: "x", kind: "test" });
    expect(r.status).toBe("queued");
    const db = await getDb();
    const [row] = await db.select().from(outbox).where(eq(outbox.id, r.id));
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row.error).toBeTruthy();
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a drain leaves it alone.
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    expect((await drainRun()).sent).toBe(0);
    await db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outbox.id, r.id));
    await drainRun();
    const [after] = await db.select().from(outbox).where(eq(outbox.id, r.id));
    expect(after).toMatchObject({ status: "sent", attempts: 2, deliverText: null, error: null });
    expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("gives a message up after the last attempt, and clears what it would have sent", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const org = await createOrg("SmtpGiveUp");
    const db = await getDb();
    const pending = await queueEmails(db, [{ organisationId: org.orgId, to: `lost.${uid()}@test.example`, subject: "Lost", text: "secret link", kind: "test", secrets: ["secret link"] }]);
    await db.update(outbox).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(outbox.id, pending.ids[0]));
    await drainRun();
    const [row] = await db.select().from(outbox).where(eq(outbox.id, pending.ids[0]));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, deliverText: null });
    expect(row.text).toBe(REDACTED);
  });

  it("two workers draining the queue at once send each email exactly once", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const org = await createOrg("SmtpTwice");
    const db = await getDb();
    const batch = Array.from({ length: 30 }, (_, i) => ({ organisationId: org.orgId, to: `once.${i}.${uid()}@test.example`, subject: `Once ${i}`, text: "x", kind: "test" }));
    const pending = await queueEmails(db, batch);
    const [a, b] = await Promise.all([drainRun(), drainRun()]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(30);
    for (const m of batch) expect(received.filter((r) => r.to.includes(m.to)), m.to).toHaveLength(1);
    const rows = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, pending.ids));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });

  it("strips links and control characters from subjects, whatever a name holds", () => {
    expect(safeSubject("URGENT: verify your payroll at http://evil.example/x\r\nBcc: all@x")).toBe("URGENT: verify your payroll at [link removed] Bcc: all@x");
    expect(safeSubject("Join www.evil.example today")).toBe("Join [link removed] today");
  });

});

describe("a password reset request never waits for the mail server", () => {
  it("returns while the SMTP server hangs, with the email queued for the worker", async () => {
    // A server that accepts connections and never says a word: delivery would wait for minutes.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    const silentPort = await freePort();
    await new Promise<void>((resolve) => silent.listen(silentPort, "127.0.0.1", resolve));
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${silentPort}`;
      const org = await createOrg("ResetHang");
      const r = await requestPasswordReset(org.trainee.email);
      expect(r?.token).toBeTruthy();
      const stored = await latestEmail(org.orgId, org.trainee.email);
      expect(stored.status).toBe("queued");
      expect(stored.text).not.toContain(r!.token);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
