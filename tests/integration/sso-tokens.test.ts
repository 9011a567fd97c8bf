import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, memberships, organisations, totpFactors, users, userSessions } from "@/db/schema";
import { confirmDomainClaim, requestDomainClaim } from "@/lib/orgs/domains";
import { saveOidcSettings } from "@/lib/orgs/sso-config";
import { providerForEmail } from "@/lib/sso/accounts";
import { beginSso, completeSso, SsoFailure } from "@/lib/sso/flow";
import { SSO_CALLBACK_PATH } from "@/lib/sso/paths";
import { appBaseUrl } from "@/lib/email/base-url";
import { startFakeIdp, type FakeIdp, type TokenPlan } from "../fixtures/fake-oidc";
import { addMember, createOrg, createUser, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

// The whole callback (lib/sso/flow.ts › completeSso) against an identity provider in this process
// that signs whatever ID token the test plans: the real key with wrong claims, or a wrong key.
// Each refusal must end as an SsoFailure, write an audit row and create nothing.

withDatabase();

const CLIENT_STAFF = "rapport-staff";
const CLIENT_STUDENTS = "rapport-students";
let idp: FakeIdp;
const env: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const k of ["AUTH_SECRET", "RAPPORT_ALLOW_HTTP_OIDC"]) env[k] = process.env[k];
  process.env.AUTH_SECRET ||= "integration-secret-0123456789abcdef";
  // The provider in this process listens on http://127.0.0.1 (as the e2e one does).
  process.env.RAPPORT_ALLOW_HTTP_OIDC = "1";
  idp = await startFakeIdp(CLIENT_STAFF);
});
afterAll(async () => {
  await idp?.close();
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function verifiedDomain(ctx: ReturnType<typeof ctxOf>, label: string) {
  const domain = `${label}-${uid()}.example.org`;
  const { token } = await requestDomainClaim(ctx, { domain, localPart: "it" });
  await confirmDomainClaim(token);
  return domain;
}

/**
 * An organisation with two providers on the same issuer, as a university might have staff on one
 * tenant and students on another: staff's domain goes to the first, students' to the second.
 */
async function twoProviderOrg(label: string, opts: { policy?: "off" | "staff" | "everyone"; trustIdpMfa?: boolean; mfaAcrValues?: string } = {}) {
  const org = await createOrg(label);
  const ctx = ctxOf(org, org.admin);
  const staffDomain = await verifiedDomain(ctx, "staff");
  const studentDomain = await verifiedDomain(ctx, "students");
  const common = { issuer: idp.issuer, clientSecret: "secret", passwordSignIn: true, trustIdpMfa: opts.trustIdpMfa ?? true, mfaAcrValues: opts.mfaAcrValues ?? "" };
  const staff = await saveOidcSettings(ctx, { ...common, name: "Staff", clientId: CLIENT_STAFF, defaultRole: "supervisor", domains: [staffDomain] });
  const students = await saveOidcSettings(ctx, { ...common, name: "Students", clientId: CLIENT_STUDENTS, defaultRole: "trainee", domains: [studentDomain] });
  if (opts.policy) {
    const db = await getDb();
    await db.update(organisations).set({ twoFactorPolicy: opts.policy }).where(eq(organisations.id, org.orgId));
  }
  return { org, ctx, staffDomain, studentDomain, staffId: staff.providerId, studentsId: students.providerId };
}

/** One sign-in attempt: start for `email`, then answer the callback with the planned token. */
async function attempt(email: string, plan: Omit<TokenPlan, "nonce"> & { clientId?: string }) {
  const started = await beginSso(email, "/home");
  expect(started, `single sign-on starts for ${email}`).not.toBeNull();
  const auth = new URL(started!.url);
  expect(auth.origin).toBe(idp.issuer);
  idp.clientId = plan.clientId ?? auth.searchParams.get("client_id")!;
  idp.plan = { ...plan, nonce: auth.searchParams.get("nonce")!, claims: { aud: idp.clientId, ...plan.claims } };
  const callback = new URL(`${appBaseUrl()}${SSO_CALLBACK_PATH}?code=code-${uid()}&state=${auth.searchParams.get("state")}`);
  return completeSso(callback, [started!.cookie], { userAgent: "vitest", address: null });
}

async function refusal(p: Promise<unknown>): Promise<SsoFailure> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SsoFailure);
  return e as SsoFailure;
}

async function lastFailure(orgId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "failure")))
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  return row?.detail as Record<string, unknown> | undefined;
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return u ?? null;
}

async function sessionOf(userId: string) {
  const db = await getDb();
  const [s] = await db.select().from(userSessions).where(eq(userSessions.userId, userId)).orderBy(desc(userSessions.createdAt)).limit(1);
  return s;
}

describe("ID tokens from the identity provider", () => {
  it("are refused with the wrong issuer, the wrong audience or a bad signature, each audited, and nothing is created", async () => {
    const { org, staffDomain } = await twoProviderOrg("Tokens");
    const email = `kim.${uid()}@${staffDomain}`;
    const base = { claims: { email, email_verified: true } };

    const wrongIssuer = await refusal(attempt(email, { claims: { ...base.claims, iss: `${idp.issuer}/another-tenant` } }));
    expect(wrongIssuer.code).toBe("token");
    expect(String((await lastFailure(org.orgId))?.why)).toMatch(/"iss"/);

    const wrongAudience = await refusal(attempt(email, { claims: { ...base.claims, aud: "someone-elses-client" } }));
    expect(wrongAudience.code).toBe("token");
    expect(String((await lastFailure(org.orgId))?.why)).toMatch(/"aud"/);

    const badSignature = await refusal(attempt(email, { ...base, signWith: "other" }));
    expect(badSignature.code).toBe("token");
    expect(String((await lastFailure(org.orgId))?.why)).toMatch(/signature/i);
    expect(await userByEmail(email)).toBeNull();

    // The same token, right issuer, audience and key: accepted (so the refusals above were the claims).
    const ok = await attempt(email, base);
    expect(ok.callbackUrl).toBe("/home");
    const user = await userByEmail(email);
    expect(user).not.toBeNull();
    expect((await sessionOf(user!.id)).method).toBe("sso");
  });

  it("route each email domain to its own provider, and refuse (audited) an email the provider doesn't vouch for", async () => {
    const { org, staffDomain, studentDomain, staffId, studentsId } = await twoProviderOrg("Route2");
    expect(await providerForEmail(`a@${staffDomain}`)).toMatchObject({ providerId: staffId, clientId: CLIENT_STAFF });
    expect(await providerForEmail(`a@${studentDomain}`)).toMatchObject({ providerId: studentsId, clientId: CLIENT_STUDENTS });

    // Started as a student (so through the students' provider), but its token names a staff address.
    const staffEmail = `lee.${uid()}@${staffDomain}`;
    const e = await refusal(attempt(`someone@${studentDomain}`, { claims: { email: staffEmail, email_verified: true } }));
    expect(e.code).toBe("domain");
    expect(await lastFailure(org.orgId)).toMatchObject({ method: "sso", reason: "domain", why: "domain_not_listed", email: staffEmail, providerId: studentsId });
    expect(await userByEmail(staffEmail)).toBeNull();

    // Through its own provider, each joins with that provider's role.
    const student = `sam.${uid()}@${studentDomain}`;
    await attempt(student, { claims: { email: student, email_verified: true } });
    const staff = `alex.${uid()}@${staffDomain}`;
    await attempt(staff, { claims: { email: staff, email_verified: true } });
    const db = await getDb();
    const roles = await db
      .select({ email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, org.orgId), sql`${users.email} in (${student}, ${staff})`));
    expect(Object.fromEntries(roles.map((r) => [r.email, r.role]))).toEqual({ [student]: "trainee", [staff]: "supervisor" });
  });
});

describe("an email only in userinfo", () => {
  it("is used when userinfo says it is verified, for the same subject; otherwise the sign-in is refused", async () => {
    const { org, staffDomain } = await twoProviderOrg("Userinfo");
    const email = `robin.${uid()}@${staffDomain}`;
    const calls = idp.userinfoCalls;
    const ok = await attempt(email, { claims: { sub: "subject-1" }, userinfo: { sub: "subject-1", email, email_verified: true } });
    expect(ok.callbackUrl).toBe("/home");
    expect(idp.userinfoCalls).toBe(calls + 1);
    expect(await userByEmail(email)).not.toBeNull();
    const db = await getDb();
    const [success] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "success")))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(success.detail).toMatchObject({ emailFrom: "userinfo" });

    const unverified = `unverified.${uid()}@${staffDomain}`;
    expect((await refusal(attempt(unverified, { userinfo: { sub: "subject-1", email: unverified, email_verified: false } }))).code).toBe("domain");
    expect(await lastFailure(org.orgId)).toMatchObject({ why: "userinfo email not verified" });
    const noClaim = `noclaim.${uid()}@${staffDomain}`;
    expect((await refusal(attempt(noClaim, { userinfo: { sub: "subject-1", email: noClaim } }))).code).toBe("domain");
    // Userinfo about somebody else (another subject) is not believed.
    const other = `other.${uid()}@${staffDomain}`;
    expect((await refusal(attempt(other, { claims: { sub: "subject-1" }, userinfo: { sub: "subject-2", email: other, email_verified: true } }))).code).toBe("domain");
    expect(String((await lastFailure(org.orgId))?.why)).toMatch(/userinfo refused/);
    for (const e of [unverified, noClaim, other]) expect(await userByEmail(e)).toBeNull();
  });
});

describe("two-step sign-in through the identity provider", () => {
  it("counts the provider's amr (RFC 8176) or a listed acr where the organisation requires it; without either, refuses and creates nothing", async () => {
    const { org, staffDomain } = await twoProviderOrg("Mfa", { policy: "everyone", mfaAcrValues: "urn:example:loa:mfa phrh" });
    const withMfa = `mfa.${uid()}@${staffDomain}`;
    const signedIn = await attempt(withMfa, { claims: { email: withMfa, email_verified: true, amr: ["pwd", "mfa"] } });
    expect(signedIn.callbackUrl).toBe("/home");
    const user = (await userByEmail(withMfa))!;
    expect(await sessionOf(user.id)).toMatchObject({ method: "sso", factorPending: null, secondFactor: "idp" });

    const withAcr = `acr.${uid()}@${staffDomain}`;
    expect((await attempt(withAcr, { claims: { email: withAcr, email_verified: true, acr: "phrh" } })).callbackUrl).toBe("/home");

    const passwordOnly = `pwd.${uid()}@${staffDomain}`;
    const e = await refusal(attempt(passwordOnly, { claims: { email: passwordOnly, email_verified: true, amr: ["pwd"], acr: "urn:example:loa:1" } }));
    expect(e.code).toBe("mfa");
    expect(await lastFailure(org.orgId)).toMatchObject({ reason: "mfa", why: "mfa_required", amr: ["pwd"] });
    // The just-in-time account and membership were rolled back with the refusal.
    expect(await userByEmail(passwordOnly)).toBeNull();
  });

  it("falls back to the person's own Rapport factor when the provider shows none, and applies only where the organisation requires it", async () => {
    const { org, staffDomain, studentDomain } = await twoProviderOrg("Fallback", { policy: "staff" });
    const db = await getDb();
    const enrolled = await createUser("Enrolled Person", `enrolled.${uid()}@${staffDomain}`);
    await addMember(org.orgId, enrolled.id, "supervisor");
    await db.insert(totpFactors).values({ userId: enrolled.id, secretSealed: "not used here", confirmedAt: new Date() });
    const r = await attempt(enrolled.email, { claims: { email: enrolled.email, email_verified: true, amr: ["pwd"] } });
    expect(r.callbackUrl).toBe("/login/verify?callbackUrl=%2Fhome");
    expect(await sessionOf(enrolled.id)).toMatchObject({ method: "sso", factorPending: "verify" });

    // Trainees (the students' provider's default role) aren't covered by a "staff" policy.
    const trainee = `trainee.${uid()}@${studentDomain}`;
    expect((await attempt(trainee, { claims: { email: trainee, email_verified: true } })).callbackUrl).toBe("/home");
    expect(await sessionOf((await userByEmail(trainee))!.id)).toMatchObject({ factorPending: null, secondFactor: null });
  });

  it("with trust turned off, ignores the provider's amr and asks for Rapport's own step, enrolment included", async () => {
    const { staffDomain } = await twoProviderOrg("NoTrust", { policy: "everyone", trustIdpMfa: false });
    const email = `newstaff.${uid()}@${staffDomain}`;
    const r = await attempt(email, { claims: { email, email_verified: true, amr: ["pwd", "mfa"] } });
    expect(r.callbackUrl).toBe("/login/enrol?callbackUrl=%2Fhome");
    expect(await sessionOf((await userByEmail(email))!.id)).toMatchObject({ factorPending: "enrol", secondFactor: null });
  });
});
