import net from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { REDACTED, send } from "@/lib/email/send";
import { inviteOne } from "@/lib/onboarding/invitations";
import { listOutbox } from "@/lib/email/outbox";
import { NotFoundError } from "@/lib/errors";
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
    await inviteOne(ctxOf(org, org.admin), { email, name: "Ivy", role: "trainee", supervisorMembershipId: null, cohortId: null }, "http://rapport.test");
    const got = received.find((m) => m.to.includes(email));
    const unfolded = got?.raw.replace(/=\r?\n/g, "") ?? "";
    expect(unfolded).toMatch(/http:\/\/rapport\.test\/invite\/[A-Za-z0-9_-]{43}/);
    const stored = await latestEmail(org.orgId, email);
    expect(stored.status).toBe("sent");
    expect(stored.text).toContain(REDACTED);
    expect(stored.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    expect(stored.html ?? "").not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
  });

  it("marks a message failed when the server can't be reached, without throwing", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    const org = await createOrg("SmtpDown");
    const r = await send({ organisationId: org.orgId, to: `down.${uid()}@test.example`, subject: "Lost", text: "x", kind: "test" });
    expect(r.status).toBe("failed");
    const db = await getDb();
    const [row] = await db.select().from(outbox).where(eq(outbox.id, r.id));
    expect(row.status).toBe("failed");
    expect(row.error).toBeTruthy();
  });
});
