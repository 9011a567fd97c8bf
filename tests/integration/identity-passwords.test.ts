import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { changePassword } from "@/lib/auth/account";
import { listMySignIns, endMySession } from "@/lib/auth/my-sessions";
import { resetPassword } from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/hash";
import { ValidationError } from "@/lib/core/errors";
import { startSession } from "@/lib/core/sessions";
import { signUp } from "@/lib/orgs/sign-up";
import { acceptAsNewUser } from "@/lib/onboarding/accept";
import { createOrg, createResetToken, TEST_PASSWORD, uid } from "../fixtures/factory";
import { insertInvitation } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

async function fieldError(p: Promise<unknown>, field: string): Promise<string | undefined> {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fieldErrors[field]?.[0];
}

describe("passwords that are too easy to guess", () => {
  it("are refused at sign-up, naming the reason, and nothing is created", async () => {
    const email = `guessable.${uid()}@test.example`;
    const msg = await fieldError(signUp({ name: "Guessable Person", email, password: "password1234", organisationName: `Guess ${uid()}` }), "password");
    expect(msg).toMatch(/too easy to guess.*commonly used password/);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("are refused when built on the person's own organisation name", async () => {
    const id = uid();
    const msg = await fieldError(signUp({ name: "Pat Example", email: `pat.${id}@test.example`, password: `Wombatfield${id.slice(0, 2)}`, organisationName: `Wombatfield Counselling` }), "password");
    expect(msg).toMatch(/too easy to guess/);
  });

  it("are refused on a password change, and the old password still works", async () => {
    const org = await createOrg("Change");
    const ctx = ctxOf(org, org.trainee);
    const msg = await fieldError(changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "qwertyuiop123" }), "newPassword");
    expect(msg).toMatch(/too easy to guess/);
    const db = await getDb();
    const [u] = await db.select().from(users).where(eq(users.id, org.trainee.userId));
    expect(await verifyPassword(u.passwordHash, TEST_PASSWORD)).toBe(true);
    await changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: "lantern orchard velvet compass" });
  });

  it("are refused on a reset, and the link stays usable", async () => {
    const org = await createOrg("Reset");
    const token = await createResetToken(org.trainee.userId);
    expect(await fieldError(resetPassword(token, "iloveyou2024!"), "newPassword")).toMatch(/too easy to guess/);
    await resetPassword(token, "lantern orchard velvet compass");
  });

  it("are refused when accepting an invitation as a new person", async () => {
    const org = await createOrg("Accept");
    const inv = await insertInvitation(org.orgId, `invitee.${uid()}@test.example`);
    expect(await fieldError(acceptAsNewUser({ token: inv.token, name: "New Person", password: "Welcome12345" }), "password")).toMatch(/too easy to guess/);
  });
});

describe("sign-in history", () => {
  it("lists the person's own sign-ins with method, client and whether each is still live", async () => {
    const org = await createOrg("History");
    const other = await createOrg("HistoryOther");
    const db = await getDb();
    const ctx = ctxOf(org, org.trainee);
    const first = await startSession(db, org.trainee.userId, "Mozilla/5.0 (Windows NT 10.0) Chrome/150", { method: "password", address: "203.0.113.7" });
    const second = await startSession(db, org.trainee.userId, null, { method: "password" });
    await startSession(db, other.trainee.userId, null);
    await endMySession(ctx, first);
    const rows = await listMySignIns(ctx);
    expect(rows.map((r) => r.id)).toEqual([second, first]);
    expect(rows[1]).toMatchObject({ method: "password", address: "203.0.113.7", live: false });
    expect(rows[1].revokedAt).not.toBeNull();
    expect(rows[0]).toMatchObject({ live: true });
  });
});
