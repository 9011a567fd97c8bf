import "server-only";
import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisationDomains } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails } from "@/lib/email/send";
import { hashToken, newSecureToken } from "@/lib/util/secure-token";

// Email domains an organisation may use for single sign-on (issue 18, part D; docs/SSO.md).
// A domain is claimed by following a link sent to an address at it; DNS TXT is the documented
// production option. Public webmail domains can't be claimed, and a domain another organisation
// has verified can't be claimed or verified again (a partial unique index decides races).

export const DOMAIN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Domains anyone can get an address at: claiming one would let an organisation vouch for strangers. */
export const PUBLIC_WEBMAIL = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.com.au", "msn.com",
  "yahoo.com", "yahoo.com.au", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
  "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.com", "fastmail.com",
  "tutanota.com", "hey.com", "bigpond.com", "bigpond.net.au", "optusnet.com.au",
]);

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseDomain(input: string): string | null {
  const d = input.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  return DOMAIN.test(d) ? d : null;
}

async function verifiedElsewhere(domain: string, orgId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: organisationDomains.id })
    .from(organisationDomains)
    .where(and(sql`lower(${organisationDomains.domain}) = ${domain}`, isNotNull(organisationDomains.verifiedAt), sql`${organisationDomains.organisationId} <> ${orgId}`));
  return Boolean(row);
}

/** Starts (or restarts) a claim: a single-use link to `<localPart>@<domain>`. Returns the token for tests only. */
export async function requestDomainClaim(ctx: Ctx, input: { domain: string; localPart: string }): Promise<{ token: string }> {
  assertCan(ctx, "org.manage");
  const domain = normaliseDomain(input.domain);
  if (!domain) throw new ValidationError("Check the highlighted fields.", { domain: ["Enter a domain like clinic.example.org."] });
  if (PUBLIC_WEBMAIL.has(domain)) throw new ValidationError("Check the highlighted fields.", { domain: ["That's a public email service: anyone can have an address there, so it can't be claimed."] });
  const local = input.localPart.trim().toLowerCase();
  if (!/^[a-z0-9._%+-]{1,64}$/.test(local)) throw new ValidationError("Check the highlighted fields.", { localPart: ["Enter the part before the @, like it or admin."] });
  if (await verifiedElsewhere(domain, ctx.orgId)) throw new ConflictError("Another organisation has already verified this domain. If it is yours, contact us.");
  const { token, hash } = newSecureToken();
  const to = `${local}@${domain}`;
  const link = `${appBaseUrl()}/verify-domain/${token}`;
  const db = await getDb();
  const pending = await db.transaction(async (tx) => {
    const claim = { verifyEmail: to, tokenHash: hash, tokenExpiresAt: new Date(Date.now() + DOMAIN_LINK_TTL_MS) };
    const [mine] = await tx
      .select({ id: organisationDomains.id, verifiedAt: organisationDomains.verifiedAt })
      .from(organisationDomains)
      .where(and(eq(organisationDomains.organisationId, ctx.orgId), sql`lower(${organisationDomains.domain}) = ${domain}`));
    if (mine?.verifiedAt) throw new ConflictError("Your organisation has already verified this domain.");
    if (mine) await tx.update(organisationDomains).set(claim).where(eq(organisationDomains.id, mine.id));
    else await tx.insert(organisationDomains).values({ organisationId: ctx.orgId, domain, ...claim });
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.domain_claim_requested", targetType: "domain", targetId: domain, detail: { to } });
    const text = [
      "Hello,",
      "",
      `${ctx.orgName} on Rapport asked to use ${domain} for single sign-on. Open this link within 24 hours to confirm that your organisation controls this domain:`,
      link,
      "",
      "If you don't know what this is, ignore this email: nothing changes.",
    ].join("\n");
    // The link proves control of the mailbox: it is never left where an admin of the claiming organisation can read it.
    return queueEmails(tx, [{ organisationId: ctx.orgId, to, subject: "Confirm your domain for Rapport single sign-on", text, kind: "domain_verification", secrets: [link] }]);
  });
  await pending.deliver();
  return { token };
}

/** Verifies the claim a link belongs to. The database refuses a domain another organisation verified first. */
export async function confirmDomainClaim(token: string): Promise<{ organisationId: string; domain: string }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new ValidationError("This link isn't valid. Ask your admin for a new one.");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(organisationDomains)
        .set({ verifiedAt: new Date(), tokenHash: null, tokenExpiresAt: null })
        .where(and(eq(organisationDomains.tokenHash, hashToken(token)), isNull(organisationDomains.verifiedAt), gt(organisationDomains.tokenExpiresAt, new Date())))
        .returning();
      if (!row) throw new ValidationError("This link has expired or was already used. Ask your admin for a new one.");
      await audit(tx, { organisationId: row.organisationId, action: "org.domain_verified", targetType: "domain", targetId: row.domain, detail: { by: row.verifyEmail } });
      return { organisationId: row.organisationId, domain: row.domain };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("Another organisation has already verified this domain.");
    throw e;
  }
}

export async function listDomains(ctx: Ctx) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select({ id: organisationDomains.id, domain: organisationDomains.domain, verifiedAt: organisationDomains.verifiedAt, verifyEmail: organisationDomains.verifyEmail, oidcProviderId: organisationDomains.oidcProviderId })
    .from(organisationDomains)
    .where(eq(organisationDomains.organisationId, ctx.orgId))
    .orderBy(organisationDomains.domain);
}

/** The organisation that has verified an email's domain, if any (for routing a sign-in to its identity provider). */
export async function verifiedDomainOwner(email: string): Promise<string | null> {
  const domain = normaliseDomain(email.slice(email.lastIndexOf("@") + 1));
  if (!domain) return null;
  const db = await getDb();
  const [row] = await db
    .select({ orgId: organisationDomains.organisationId })
    .from(organisationDomains)
    .where(and(sql`lower(${organisationDomains.domain}) = ${domain}`, isNotNull(organisationDomains.verifiedAt)));
  return row?.orgId ?? null;
}
