import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cohortMembers, cohorts, invitations, memberships, organisations, supervisions, users, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { hashPassword } from "@/lib/auth/hash";
import { assertNotGuessable, personalWords } from "@/lib/auth/password-strength";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { hashToken, isTokenShape } from "./tokens";

export type InviteState = "valid" | "expired" | "accepted" | "revoked" | "replaced" | "unknown";

export type InviteView = {
  state: InviteState;
  orgName?: string;
  email?: string;
  name?: string;
  role?: Role;
  inviterName?: string | null;
  expiresAt?: Date;
  /** Whether an account with the invited email exists (decides "set a password" or "sign in"). */
  hasAccount?: boolean;
};

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; replacedById: string | null; expiresAt: Date }, now = new Date()): InviteState {
  if (row.acceptedAt) return "accepted";
  if (row.replacedById) return "replaced";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** What the invitation page shows for a link. Only the hash of the token is ever looked up. */
export async function viewInvitation(token: string): Promise<InviteView> {
  if (!isTokenShape(token)) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db
    .select({
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      replacedById: invitations.replacedById,
      expiresAt: invitations.expiresAt,
      orgName: organisations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  const state = stateOf(row);
  const base = { state, orgName: row.orgName, inviterName: row.inviterName, expiresAt: row.expiresAt };
  if (state !== "valid") return base;
  const [account] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.email}`);
  return { ...base, email: row.email, name: row.name, role: row.role, hasAccount: Boolean(account) };
}

export class InvitationUnusableError extends AppError {
  constructor(readonly state: Exclude<InviteState, "valid">) {
    super(UNUSABLE[state], "conflict");
  }
}

export const UNUSABLE: Record<Exclude<InviteState, "valid">, string> = {
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  accepted: "This invitation has already been used. If it was you, sign in; otherwise ask your organisation's admin for a new invitation.",
  revoked: "This invitation was withdrawn by the organisation. If you think that's a mistake, contact the person who invited you.",
  replaced: "A newer invitation was sent to you, so this link no longer works. Use the link in the most recent email.",
  unknown: "We don't recognise this invitation link. Check that you copied the whole link from the email.",
};

/** Locks the invitation row so two clicks on one link can't both join (single use). */
async function lockValid(tx: Tx, token: string) {
  if (!isTokenShape(token)) throw new InvitationUnusableError("unknown");
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).for("update");
  if (!row) throw new InvitationUnusableError("unknown");
  const state = stateOf(row);
  if (state !== "valid") throw new InvitationUnusableError(state);
  return row;
}

async function join(tx: Tx, inv: typeof invitations.$inferSelect, userId: string) {
  const [existing] = await tx
    .select({ id: memberships.id, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, inv.organisationId), eq(memberships.userId, userId)));
  if (existing?.status === "deactivated") {
    throw new ConflictError("Your access to this organisation was deactivated. Ask its admin to reactivate you; this invitation can't do that.");
  }
  if (existing) throw new ConflictError("You're already a member of this organisation. Sign in and switch to it.");
  const [m] = await tx.insert(memberships).values({ organisationId: inv.organisationId, userId, role: inv.role }).returning({ id: memberships.id });
  if (inv.supervisorMembershipId && inv.role === "trainee") {
    const [sup] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.id, inv.supervisorMembershipId), eq(memberships.organisationId, inv.organisationId), eq(memberships.role, "supervisor"), eq(memberships.status, "active")));
    if (sup) await tx.insert(supervisions).values({ organisationId: inv.organisationId, supervisorMembershipId: sup.id, traineeMembershipId: m.id }).onConflictDoNothing();
  }
  if (inv.cohortId) {
    const [c] = await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, inv.cohortId), eq(cohorts.organisationId, inv.organisationId), isNull(cohorts.archivedAt)));
    if (c) await tx.insert(cohortMembers).values({ organisationId: inv.organisationId, cohortId: c.id, membershipId: m.id }).onConflictDoNothing();
  }
  const done = await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedMembershipId: m.id, version: inv.version + 1 })
    .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (done.length === 0) throw new InvitationUnusableError("accepted");
  await audit(tx, {
    organisationId: inv.organisationId,
    actorUserId: userId,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: inv.id,
    detail: { membershipId: m.id, role: inv.role },
  });
  const pending = await tellInviter(tx, inv, userId, m.id);
  return { orgId: inv.organisationId, membershipId: m.id, pending };
}

/** The admin who sent the invitation hears that it was accepted (if they are still a member). */
async function tellInviter(tx: Tx, inv: typeof invitations.$inferSelect, userId: string, membershipId: string): Promise<Pending> {
  if (!inv.invitedByUserId || inv.invitedByUserId === userId) return notify(tx, []);
  const [row] = await tx
    .select({ inviter: memberships.id, joinerName: sql<string>`(select u.name from users u where u.id = ${userId})` })
    .from(memberships)
    .where(and(eq(memberships.organisationId, inv.organisationId), eq(memberships.userId, inv.invitedByUserId)));
  if (!row) return notify(tx, []);
  return notify(tx, [
    {
      organisationId: inv.organisationId,
      recipientMembershipId: row.inviter,
      kind: "invitation_accepted",
      title: `${row.joinerName} accepted your invitation and joined as ${inv.role === "org_admin" ? "an" : "a"} ${ROLE_LABELS[inv.role].toLowerCase()}.`,
      href: `/admin/members/${membershipId}`,
      actorUserId: userId,
      subjectType: "invitation",
      subjectId: inv.id,
      dedupeKey: "accepted",
    },
  ]);
}

export const ACCOUNT_EXISTS = "An account with this email already exists. Sign in with it to accept the invitation.";

/** A new person: creates their account with the invited email, then joins. */
export async function acceptAsNewUser(input: { token: string; name: string; password: string }) {
  const view = await viewInvitation(input.token);
  await assertNotGuessable(input.password, "password", personalWords(view.email, input.name, view.orgName));
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const { pending, ...joined } = await db.transaction(async (tx) => {
    const inv = await lockValid(tx, input.token);
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${inv.email}`);
    if (taken) throw new ValidationError(ACCOUNT_EXISTS, {});
    // The link reached only the invitee's mailbox when it went out by real email: that verifies it.
    const [user] = await tx
      .insert(users)
      .values({ email: inv.email, name: input.name, passwordHash, emailVerifiedAt: inv.linkPrivate ? new Date() : null })
      .returning({ id: users.id });
    const joined = await join(tx, inv, user.id);
    return { ...joined, userId: user.id, email: inv.email };
  });
  await pending.deliver();
  return joined;
}

/** A signed-in person whose email matches the invitation joins the organisation. */
export async function acceptAsExistingUser(user: { id: string; email: string }, token: string) {
  const db = await getDb();
  const { pending, ...joined } = await db.transaction(async (tx) => {
    const inv = await lockValid(tx, token);
    if (inv.email !== user.email.trim().toLowerCase()) throw new NotFoundError(`This invitation was sent to a different email address. Sign out, then sign in with the invited address.`);
    if (inv.linkPrivate) await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, user.id));
    return join(tx, inv, user.id);
  });
  await pending.deliver();
  return joined;
}
