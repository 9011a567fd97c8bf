import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { requestLimits, signInThrottles } from "@/db/schema";
import { deviceHash } from "@/lib/auth/device";
import { resetPassword } from "@/lib/auth/password-reset";
import { signIn } from "@/lib/auth/sign-in";
import { checkThrottle, pruneThrottles, recordFailure, throttleKeysFor } from "@/lib/auth/throttle";
import { clearSignInDelay, getSignInDelay } from "@/lib/orgs/sign-in-delay";
import { NotFoundError } from "@/lib/core/errors";
import { createOrg, createResetToken, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const device = () => deviceHash(`dev-${uid()}-${uid()}`.replace(/[^A-Za-z0-9_-]/g, "x").padEnd(24, "x"));

describe("sign-in throttling (stored in PostgreSQL)", () => {
  it("lets five failures from one browser through, then makes that browser wait, even with the right password", async () => {
    const org = await createOrg("Throttle");
    const d = device();
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: org.trainee.email, password: `wrong ${i} password`, address: null, device: d })).toEqual({ ok: false, reason: "invalid" });
    }
    const r = await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: d });
    expect(r).toMatchObject({ ok: false, reason: "wait" });
    expect(r.ok === false && r.reason === "wait" && r.retryAfterSeconds).toBeGreaterThan(0);
    // Another browser is not slowed by this one's failures.
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: device() })).toMatchObject({ ok: true });
  });

  it("treats an unknown email exactly like a real one", async () => {
    const ghost = `ghost.${uid()}@test.example`;
    const d = device();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signIn({ email: ghost, password: "not the password", address: null, device: d }));
    expect(results.slice(0, 5).every((x) => !x.ok && x.reason === "invalid")).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, reason: "wait" });
  });

  it("throttles per client address across different accounts, but not a browser that signed in before", async () => {
    const db = await getDb();
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const org = await createOrg("Addr");
    const known = device();
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address, device: known })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) await signIn({ email: `spray.${i}.${uid()}@test.example`, password: "guess guess guess", address, device: device() });
    expect(await signIn({ email: org.supervisor.email, password: TEST_PASSWORD, address, device: device() })).toMatchObject({ ok: false, reason: "wait" });
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address, device: known })).toMatchObject({ ok: true });
    await db.delete(signInThrottles).where(eq(signInThrottles.key, `addr:${address}`));
  });

  it("an attacker who knows only the email cannot keep the owner out of a browser they signed in from", async () => {
    const org = await createOrg("Lockout");
    const owner = device();
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: owner })).toMatchObject({ ok: true });
    // Honouring every delay, from fresh browsers (new cookies each time) and with no cookie at all.
    const db = await getDb();
    const keys = (d: string | null) => throttleKeysFor({ email: org.trainee.email, device: d, address: null, knownDevice: false });
    const t = new Date();
    for (let i = 0; i < 200; i++) await recordFailure(db, keys(i % 2 ? device() : null), new Date(t.getTime() - 1000 + i));
    const stranger = await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: device() });
    expect(stranger).toMatchObject({ ok: false, reason: "wait" });
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: owner })).toMatchObject({ ok: true });
  });

  it("a completed password reset clears every delay of the account and verifies its email", async () => {
    const db = await getDb();
    const org = await createOrg("ResetClears");
    const keys = throttleKeysFor({ email: org.trainee.email, device: null, address: null, knownDevice: false });
    for (let i = 0; i < 40; i++) await recordFailure(db, keys);
    expect((await checkThrottle(db, keys)).allowed).toBe(false);
    await resetPassword(await createResetToken(org.trainee.userId), "a brand new long password");
    expect((await checkThrottle(db, keys)).allowed).toBe(true);
    expect(await db.select().from(signInThrottles).where(like(signInThrottles.key, `%${org.trainee.email}%`))).toEqual([]);
    expect(await signIn({ email: org.trainee.email, password: "a brand new long password", address: null, device: device() })).toMatchObject({ ok: true });
  });

  it("starts a fresh window after fifteen minutes", async () => {
    const db = await getDb();
    const keys = [`pair:window.${uid()}@test.example|anon`];
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

  it("an admin of the member's organisation clears a delay; nobody else can", async () => {
    const db = await getDb();
    const org = await createOrg("Unlock");
    const other = await createOrg("UnlockOther");
    const keys = throttleKeysFor({ email: org.trainee.email, device: null, address: null, knownDevice: false });
    for (let i = 0; i < 30; i++) await recordFailure(db, keys);
    expect((await getSignInDelay(ctxOf(org, org.admin), org.trainee.membershipId)).blockedUntil).not.toBeNull();
    await expect(clearSignInDelay(ctxOf(other, other.admin), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(clearSignInDelay(ctxOf(org, org.supervisor), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSignInDelay(ctxOf(org, org.trainee), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await clearSignInDelay(ctxOf(org, org.admin), org.trainee.membershipId)).toBe(true);
    expect((await getSignInDelay(ctxOf(org, org.admin), org.trainee.membershipId)).blockedUntil).toBeNull();
    expect(await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null, device: device() })).toMatchObject({ ok: true });
  });

  it("prunes counts whose windows ended a day ago, and keeps live ones", async () => {
    const db = await getDb();
    const old = `pair:old.${uid()}@test.example|anon`;
    const live = `pair:live.${uid()}@test.example|anon`;
    await recordFailure(db, [old], new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
    await recordFailure(db, [live]);
    await db.insert(requestLimits).values({ key: `old-limit-${uid()}`, count: 3, windowStartedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) });
    expect(await pruneThrottles(db)).toBeGreaterThanOrEqual(2);
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.key, old))).toEqual([]);
    expect(await db.select().from(signInThrottles).where(eq(signInThrottles.key, live))).toHaveLength(1);
  });
});
