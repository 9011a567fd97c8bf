import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { signIn } from "@/lib/auth/sign-in";
import { checkThrottle, liftLock, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { HARD_LOCK_FAILURES } from "@/lib/auth/throttle-policy";
import { getSignInLock, unlockSignIn } from "@/lib/auth/unlock";
import { NotFoundError } from "@/lib/errors";
import { createOrg, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("sign-in throttling (stored in PostgreSQL)", () => {
  it("lets five failures through, then makes the sixth attempt wait, even with the right password", async () => {
    const org = await createOrg("Throttle");
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: org.trainee.email, password: `wrong ${i} password`, address: null })).toEqual({ ok: false, reason: "invalid" });
    }
    const r = await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null });
    expect(r).toMatchObject({ ok: false, reason: "wait" });
    expect(r.ok === false && r.reason === "wait" && r.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("treats an unknown email exactly like a real one", async () => {
    const ghost = `ghost.${uid()}@test.example`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signIn({ email: ghost, password: "not the password", address: null }));
    expect(results.slice(0, 5).every((x) => !x.ok && x.reason === "invalid")).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, reason: "wait" });
  });

  it("throttles per client address across different accounts", async () => {
    const db = await getDb();
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`;
    for (let i = 0; i < 5; i++) await signIn({ email: `spray.${i}.${uid()}@test.example`, password: "guess guess guess", address });
    const org = await createOrg("Addr");
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address })).toMatchObject({ ok: false, reason: "wait" });
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toMatchObject({ ok: true });
    await db.delete(signInThrottles).where(eq(signInThrottles.key, `addr:${address}`));
  });

  it("starts a fresh window after fifteen minutes", async () => {
    const db = await getDb();
    const keys = throttleKeys(`window.${uid()}@test.example`, null);
    const t0 = new Date("2026-03-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await recordFailure(db, keys, t0);
    expect((await checkThrottle(db, keys, new Date(t0.getTime() + 500))).allowed).toBe(false);
    const later = new Date(t0.getTime() + 16 * 60 * 1000);
    expect((await checkThrottle(db, keys, later)).allowed).toBe(true);
    await recordFailure(db, keys, later);
    const [row] = await db.select().from(signInThrottles).where(eq(signInThrottles.key, keys[0]));
    expect(row.windowFailures).toBe(1);
    expect(row.totalFailures).toBe(6);
  });

  it("hard-locks at fifty failures until the lock is lifted, and a success clears the count", async () => {
    const db = await getDb();
    const org = await createOrg("Lock");
    const keys = throttleKeys(org.trainee.email, null);
    const t = new Date("2026-03-01T00:00:00Z");
    for (let i = 0; i < HARD_LOCK_FAILURES; i++) await recordFailure(db, keys, new Date(t.getTime() + i * 20 * 60 * 1000));
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toEqual({ ok: false, reason: "locked" });
    expect(await liftLock(db, org.trainee.email)).toBe(true);
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toMatchObject({ ok: true });
    await signIn({ email: org.trainee.email, password: "one wrong password", address: null });
    await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null });
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.key, keys[0]))).toEqual([]);
  });

  it("an admin of the member's organisation lifts a lock; nobody else can", async () => {
    const db = await getDb();
    const org = await createOrg("Unlock");
    const other = await createOrg("UnlockOther");
    const keys = throttleKeys(org.trainee.email, null);
    const t = new Date("2026-04-01T00:00:00Z");
    for (let i = 0; i < HARD_LOCK_FAILURES; i++) await recordFailure(db, keys, new Date(t.getTime() + i * 20 * 60 * 1000));
    expect((await getSignInLock(ctxOf(org, org.admin), org.trainee.membershipId)).lockedAt).not.toBeNull();
    await expect(unlockSignIn(ctxOf(other, other.admin), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlockSignIn(ctxOf(org, org.supervisor), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getSignInLock(ctxOf(org, org.admin), org.trainee.membershipId)).lockedAt).not.toBeNull();
    expect(await unlockSignIn(ctxOf(org, org.admin), org.trainee.membershipId)).toBe(true);
    expect((await getSignInLock(ctxOf(org, org.admin), org.trainee.membershipId)).lockedAt).toBeNull();
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toMatchObject({ ok: true });
  });
});
