import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { userSessions } from "@/db/schema";
import { endMySession } from "@/lib/auth/my-sessions";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, listLiveSessions, revokeOtherSessions, sessionIsLive, startSession, touchSession, TOUCH_EVERY_MS } from "@/lib/core/sessions";
import { NotFoundError } from "@/lib/core/errors";
import { createOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("server-side sessions", () => {
  it("are live until revoked, idle for two hours, or twelve hours old", () => {
    const now = new Date("2026-05-01T10:00:00Z");
    const fresh = { revokedAt: null, expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS), lastSeenAt: now };
    expect(sessionIsLive(fresh, now)).toBe(true);
    expect(sessionIsLive({ ...fresh, revokedAt: now }, now)).toBe(false);
    expect(sessionIsLive({ ...fresh, lastSeenAt: new Date(now.getTime() - IDLE_TIMEOUT_MS) }, now)).toBe(false);
    expect(sessionIsLive({ ...fresh, expiresAt: now }, now)).toBe(false);
  });

  it("refreshes last-seen at most every few minutes", async () => {
    const org = await createOrg("Touch");
    const db = await getDb();
    const id = await startSession(db, org.trainee.userId, "Mozilla/5.0 (X11; Linux x86_64) Chrome/150");
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id));
    await touchSession(db, row, new Date(row.lastSeenAt.getTime() + 1000));
    expect((await db.select().from(userSessions).where(eq(userSessions.id, id)))[0].lastSeenAt).toEqual(row.lastSeenAt);
    const later = new Date(row.lastSeenAt.getTime() + TOUCH_EVERY_MS + 1000);
    await touchSession(db, row, later);
    expect((await db.select().from(userSessions).where(eq(userSessions.id, id)))[0].lastSeenAt).toEqual(later);
  });

  it("lets a person end their own sessions only", async () => {
    const org = await createOrg("Ends");
    const db = await getDb();
    const mine = await startSession(db, org.trainee.userId, null);
    const keep = await startSession(db, org.trainee.userId, null);
    const theirs = await startSession(db, org.supervisor.userId, null);
    await expect(endMySession(ctxOf(org, org.trainee), theirs)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listLiveSessions(db, org.supervisor.userId)).map((s) => s.id)).toEqual([theirs]);
    await endMySession(ctxOf(org, org.trainee), mine);
    expect((await listLiveSessions(db, org.trainee.userId)).map((s) => s.id)).toEqual([keep]);
    const extra = await startSession(db, org.trainee.userId, null);
    expect(await revokeOtherSessions(db, org.trainee.userId, keep)).toBe(1);
    expect((await listLiveSessions(db, org.trainee.userId)).map((s) => s.id)).toEqual([keep]);
    expect(extra).not.toBe(keep);
  });
});
