import "server-only";
import { appBaseUrl } from "@/lib/email/base-url";
import { and, desc, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { cohorts, invitations, memberships, organisations, users, type Role } from "@/db/schema";
import { auditAs, actorEvent, auditMany } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { queueEmails, smtpConfigured, type EmailMessage, type Pending } from "@/lib/email/send";
import { invitationEmail } from "@/lib/email/templates";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { INVITE_TTL_MS, newInviteToken } from "./tokens";
import { keyPage } from "@/lib/util/pagination";

export type NewInvite = { email: string; name: string; role: Role; supervisorMembershipId: string | null; cohortId: string | null };

/** Invitations a day from an organisation the operator has not verified yet (npm run org:verify). */
export const UNVERIFIED_DAILY_INVITATIONS = 25;

/**
 * Open sign-up must not make Rapport a relay for anyone's email: until the operator verifies an
 * organisation, it may send a few invitations a day. The organisation row is locked so that
 * concurrent imports count against the same total.
 */
async function withinDailyCap(tx: Tx, ctx: Ctx, adding: number): Promise<void> {
  if (adding === 0) return;
  const [org] = await tx.select({ verifiedAt: organisations.verifiedAt }).from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
  if (!org || org.verifiedAt) return;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.organisationId, ctx.orgId), gt(invitations.createdAt, new Date(Date.now() - 24 * 60 * 60 * 1000))));
  if (n + adding <= UNVERIFIED_DAILY_INVITATIONS) return;
  console.warn(`[rapport] organisation ${ctx.orgId} (not verified) reached its daily invitation limit: ${n} sent, ${adding} more asked for`);
  const left = Math.max(0, UNVERIFIED_DAILY_INVITATIONS - n);
  throw new ValidationError(
    `A new organisation can send ${UNVERIFIED_DAILY_INVITATIONS} invitations a day until Rapport's operator has verified it; ${left === 0 ? "none are" : `${left} ${left === 1 ? "is" : "are"}`} left today. Invite fewer people now, or ask the operator to verify your organisation.`,
  );
}

/**
 * Inserts invitations (skipping any address that already has an open one: the partial unique
 * index decides, so concurrent imports can't double up), queues their emails and audits each.
 */
export async function insertInvitations(tx: Tx, ctx: Ctx, items: NewInvite[], via: string) {
  await withinDailyCap(tx, ctx, items.length);
  const baseUrl = appBaseUrl();
  const tokens = new Map<string, string>();
  const inserted: { id: string; email: string; expiresAt: Date }[] = [];
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  for (let i = 0; i < items.length; i += 500) {
    const values = items.slice(i, i + 500).map((it) => {
      const { token, hash } = newInviteToken();
      tokens.set(it.email, token);
      return { ...it, organisationId: ctx.orgId, tokenHash: hash, expiresAt, invitedByUserId: ctx.userId, linkPrivate: smtpConfigured() };
    });
    const rows = await tx.insert(invitations).values(values).onConflictDoNothing().returning({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt });
    inserted.push(...rows);
  }
  const byEmail = new Map(items.map((it) => [it.email, it]));
  const messages: EmailMessage[] = inserted.map((row) => {
    const it = byEmail.get(row.email)!;
    const url = `${baseUrl}/invite/${tokens.get(row.email)}`;
    return { organisationId: ctx.orgId, to: row.email, kind: "invitation", secrets: [url], ...invitationEmail({ orgName: ctx.orgName, inviterName: ctx.userName, name: it.name, role: it.role, url, expiresAt: row.expiresAt }) };
  });
  const pending = await queueEmails(tx, messages);
  await auditMany(
    tx,
    inserted.map((row) => {
      const it = byEmail.get(row.email)!;
      return actorEvent(ctx, { action: "invitation.created", targetType: "invitation", targetId: row.id, detail: { email: row.email, role: it.role, via } });
    }),
  );
  return { inserted, pending };
}

/** Checks that a supervisor and a cohort chosen for an invitation belong to the caller's organisation. */
async function checkTargets(tx: DbOrTx, ctx: Ctx, input: { role: Role; supervisorMembershipId: string | null; cohortId: string | null }) {
  const errors: Record<string, string[]> = {};
  if (input.supervisorMembershipId) {
    const [sup] = await tx
      .select({ role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.id, input.supervisorMembershipId), eq(memberships.organisationId, ctx.orgId)));
    if (!sup || sup.role !== "supervisor" || sup.status !== "active") errors.supervisorMembershipId = ["Choose an active supervisor from the list."];
  }
  if (input.cohortId) {
    const [c] = await tx.select({ archivedAt: cohorts.archivedAt }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId)));
    if (!c || c.archivedAt) errors.cohortId = ["Choose a current cohort from the list."];
  }
  if (Object.keys(errors).length) throw new ValidationError("Check the highlighted fields.", errors);
}

export const ALREADY_MEMBER = "This person is already a member of your organisation. Change their role on the Members page instead.";
export const ALREADY_INVITED = "This person already has an open invitation. Resend it from the list of invitations instead.";

export async function inviteOne(ctx: Ctx, input: NewInvite): Promise<{ id: string }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const id = await db.transaction(async (tx) => {
    await checkTargets(tx, ctx, input);
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, ctx.orgId), sql`lower(${users.email}) = ${input.email}`));
    if (member) throw new ValidationError("Check the highlighted fields.", { email: [ALREADY_MEMBER] });
    const r = await insertInvitations(tx, ctx, [input], "single");
    if (r.inserted.length === 0) throw new ValidationError("Check the highlighted fields.", { email: [ALREADY_INVITED] });
    pending = r.pending;
    return r.inserted[0].id;
  });
  await pending?.deliver();
  return { id };
}

export type InvitationStatus = "open" | "expired" | "accepted" | "revoked";
export type InvitationRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  cohortName: string | null;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
  version: number;
};

export const INVITATIONS_PAGE_SIZE = 50;

export function invitationStatus(r: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (r.acceptedAt) return "accepted";
  if (r.revokedAt) return "revoked";
  return r.expiresAt <= now ? "expired" : "open";
}

/** Newest first, key-paginated by (created_at, id). Replaced rows (after a resend) are left out. */
export async function listInvitations(
  ctx: Ctx,
  opts: { status?: InvitationStatus; q?: string; after?: { at: string; id: string } } = {},
): Promise<{ rows: InvitationRow[]; next: { at: string; id: string } | null }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const now = new Date();
  const q = opts.q?.trim().toLowerCase();
  const statusWhere = {
    open: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    expired: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now)),
    accepted: sql`${invitations.acceptedAt} is not null`,
    revoked: and(sql`${invitations.revokedAt} is not null`, isNull(invitations.acceptedAt)),
  };
  const after = opts.after ? new Date(opts.after.at) : null;
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      cohortName: cohorts.name,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      version: invitations.version,
    })
    .from(invitations)
    .leftJoin(cohorts, and(eq(cohorts.id, invitations.cohortId), eq(cohorts.organisationId, invitations.organisationId)))
    .where(
      and(
        eq(invitations.organisationId, ctx.orgId),
        isNull(invitations.replacedById),
        opts.status ? statusWhere[opts.status] : undefined,
        q ? sql`strpos(${invitations.email}, ${q}) > 0` : undefined,
        after && !Number.isNaN(after.getTime()) && opts.after
          ? or(lt(invitations.createdAt, after), and(eq(invitations.createdAt, after), lt(invitations.id, opts.after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(INVITATIONS_PAGE_SIZE + 1);
  const page = keyPage(rows, INVITATIONS_PAGE_SIZE, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
  return { rows: page.rows.map((r) => ({ ...r, status: invitationStatus(r, now) })), next: page.next };
}

async function lockOpen(tx: Tx, ctx: Ctx, input: { id: string; version: number }) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.id), eq(invitations.organisationId, ctx.orgId)))
    .for("update");
  if (!row || row.replacedById) throw new NotFoundError();
  if (row.version !== input.version) throw new ConflictError();
  if (row.acceptedAt) throw new ConflictError("This invitation has already been accepted, so there is nothing to change.");
  if (row.revokedAt) throw new ConflictError("This invitation was already revoked. Send a new invitation if the person still needs to join.");
  return row;
}

export async function revokeInvitation(ctx: Ctx, input: { id: string; version: number }): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await lockOpen(tx, ctx, input);
    await tx.update(invitations).set({ revokedAt: new Date(), version: row.version + 1 }).where(eq(invitations.id, row.id));
    await auditAs(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: row.id, detail: { email: row.email } });
  });
}

/** A new link (new token, new 14 days) replaces the old one, which stops working at once. */
/**
 * Resends several open or expired invitations at once (the invitations list's "Resend selected"):
 * each gets a new link and the old one stops working. All or nothing: one that was accepted,
 * revoked or changed meanwhile refuses the whole request, and one from another organisation is
 * not found.
 */
export async function resendInvitations(ctx: Ctx, input: { invitations: { id: string; version: number }[] }): Promise<{ resent: number }> {
  assertCan(ctx, "org.manage");
  if (input.invitations.length === 0) throw new ValidationError("Select at least one invitation.");
  const db = await getDb();
  let pending: Pending | undefined;
  const resent = await db.transaction(async (tx) => {
    const olds = [];
    for (const inv of input.invitations) olds.push(await lockOpen(tx, ctx, inv));
    for (const old of olds) await tx.update(invitations).set({ revokedAt: new Date(), version: old.version + 1 }).where(eq(invitations.id, old.id));
    const r = await insertInvitations(
      tx,
      ctx,
      olds.map((old) => ({ email: old.email, name: old.name, role: old.role, supervisorMembershipId: old.supervisorMembershipId, cohortId: old.cohortId })),
      "resend",
    );
    if (r.inserted.length !== olds.length) throw new ConflictError();
    const freshByEmail = new Map(r.inserted.map((i) => [i.email, i.id]));
    for (const old of olds) await tx.update(invitations).set({ replacedById: freshByEmail.get(old.email) }).where(eq(invitations.id, old.id));
    await auditMany(
      tx,
      olds.map((old) => actorEvent(ctx, { action: "invitation.resent", targetType: "invitation", targetId: freshByEmail.get(old.email) ?? old.id, detail: { email: old.email, replaces: old.id, via: "bulk" } })),
    );
    pending = r.pending;
    return olds.length;
  });
  await pending?.deliver();
  return { resent };
}

export async function resendInvitation(ctx: Ctx, input: { id: string; version: number }): Promise<{ id: string }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const id = await db.transaction(async (tx) => {
    const old = await lockOpen(tx, ctx, input);
    await tx.update(invitations).set({ revokedAt: new Date(), version: old.version + 1 }).where(eq(invitations.id, old.id));
    const r = await insertInvitations(
      tx,
      ctx,
      [{ email: old.email, name: old.name, role: old.role, supervisorMembershipId: old.supervisorMembershipId, cohortId: old.cohortId }],
      "resend",
    );
    const fresh = r.inserted[0];
    if (!fresh) throw new ConflictError();
    await tx.update(invitations).set({ replacedById: fresh.id }).where(eq(invitations.id, old.id));
    await auditAs(tx, ctx, { action: "invitation.resent", targetType: "invitation", targetId: fresh.id, detail: { email: old.email, replaces: old.id } });
    pending = r.pending;
    return fresh.id;
  });
  await pending?.deliver();
  return { id };
}
