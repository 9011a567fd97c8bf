import "server-only";
import { escapeLike } from "@/lib/util/sql";
import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cohortMembers, memberships, supervisions, users, type Role } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { keyPage } from "@/lib/util/pagination";
import { deliverLater, traineesLeftUnsupervised } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";

export const MEMBERS_PAGE_SIZE = 50;

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  /** Whether the person has proved control of their mailbox (see lib/auth/email-verification.ts). */
  emailVerified: boolean;
  role: Role;
  status: "active" | "deactivated";
  version: number;
  joinedAt: Date;
};

const memberColumns = {
  membershipId: memberships.id,
  userId: users.id,
  name: users.name,
  email: users.email,
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
  role: memberships.role,
  status: memberships.status,
  version: memberships.version,
  joinedAt: memberships.joinedAt,
};

/**
 * After a (lower(name), membership id) cursor, as a row comparison so the index on
 * (organisation_id, sort_name, id) starts the page at the cursor (sort_name is lower(users.name)).
 */
export function afterName(after: { name: string; id: string }) {
  return sql`(${memberships.sortName}, ${memberships.id}) > (${after.name}, ${after.id}::uuid)`;
}

/** Key-paginated by (lower(name), membership id). */
export async function listMembers(
  ctx: Ctx,
  opts: { q?: string; role?: Role; status?: "active" | "deactivated"; cohortId?: string; after?: { name: string; id: string } } = {},
): Promise<{ rows: MemberRow[]; next: { name: string; id: string } | null }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const q = opts.q?.trim();
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, ctx.orgId),
        opts.role ? eq(memberships.role, opts.role) : undefined,
        opts.status ? eq(memberships.status, opts.status) : undefined,
        opts.cohortId
          ? sql`exists (select 1 from ${cohortMembers} cm where cm.organisation_id = ${memberships.organisationId} and cm.membership_id = ${memberships.id} and cm.cohort_id = ${opts.cohortId})`
          : undefined,
        q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined,
        opts.after ? afterName(opts.after) : undefined,
      ),
    )
    .orderBy(asc(memberships.sortName), asc(memberships.id))
    .limit(MEMBERS_PAGE_SIZE + 1);
  return keyPage(rows, MEMBERS_PAGE_SIZE, (last) => ({ name: last.name.toLowerCase(), id: last.membershipId }));
}


export async function getMember(ctx: Ctx, membershipId: string): Promise<MemberRow> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  return row;
}

async function activeAdminCount(tx: Tx, orgId: string) {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organisationId, orgId), eq(memberships.role, "org_admin"), eq(memberships.status, "active")));
  return r.n;
}

export const LAST_ADMIN =
  "This is the organisation's last active admin. Make someone else an admin first, then try again.";

/** Deactivates or reactivates a member. Deactivation ends their access to this organisation at once. */
export async function setMemberStatus(
  ctx: Ctx,
  input: { membershipId: string; status: "active" | "deactivated"; version: number },
): Promise<MemberRow> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    // Lock the organisation's admin rows so two concurrent demotions can't both pass the last-admin check.
    await tx.execute(sql`select id from memberships where organisation_id = ${ctx.orgId} and role = 'org_admin' for update`);
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.organisationId, ctx.orgId)));
    if (!target) throw new NotFoundError();
    if (input.status === "deactivated" && target.role === "org_admin" && target.status === "active") {
      if ((await activeAdminCount(tx, ctx.orgId)) <= 1) throw new ConflictError(LAST_ADMIN);
    }
    const updated = await tx
      .update(memberships)
      .set({ status: input.status, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.id, target.id), eq(memberships.version, input.version)))
      .returning({ id: memberships.id });
    if (updated.length === 0) throw new ConflictError();
    await auditAs(tx, ctx, {
      action: input.status === "deactivated" ? "member.deactivated" : "member.reactivated",
      targetType: "membership",
      targetId: target.id,
    });
    if (input.status === "deactivated" && target.role === "supervisor") {
      const theirs = await tx
        .select({ t: supervisions.traineeMembershipId })
        .from(supervisions)
        .where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.supervisorMembershipId, target.id)));
      pending = await traineesLeftUnsupervised(tx, ctx, theirs.map((r) => r.t));
    }
    const [row] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.id, target.id));
    return row;
  });
  deliverLater(pending);
  return done;
}

export const LAST_ADMIN_ROLE =
  "This is the organisation's last active admin, so their role can't change. Make someone else an admin first, then try again.";

/**
 * Changes a member's role. Supervision links that no longer fit the new role are removed in the
 * same transaction (a trainee has supervisors; a supervisor has trainees).
 */
export async function changeRole(ctx: Ctx, input: { membershipId: string; role: Role; version: number }): Promise<MemberRow> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from memberships where organisation_id = ${ctx.orgId} and role = 'org_admin' for update`);
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.organisationId, ctx.orgId)));
    if (!target) throw new NotFoundError();
    if (target.version !== input.version) throw new ConflictError();
    if (target.role === input.role) return (await tx.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.id, target.id)))[0];
    if (target.role === "org_admin" && target.status === "active" && (await activeAdminCount(tx, ctx.orgId)) <= 1) {
      throw new ConflictError(LAST_ADMIN_ROLE);
    }
    const updated = await tx
      .update(memberships)
      .set({ role: input.role, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.id, target.id), eq(memberships.version, input.version)))
      .returning({ id: memberships.id });
    if (updated.length === 0) throw new ConflictError();
    let linksRemoved = 0;
    if (target.role === "supervisor") {
      linksRemoved += (await tx.delete(supervisions).where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.supervisorMembershipId, target.id))).returning()).length;
    }
    if (target.role === "trainee") {
      linksRemoved += (await tx.delete(supervisions).where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.traineeMembershipId, target.id))).returning()).length;
    }
    await auditAs(tx, ctx, {
      action: "member.role_changed",
      targetType: "membership",
      targetId: target.id,
      detail: { from: target.role, to: input.role, supervisionLinksRemoved: linksRemoved },
    });
    const [row] = await tx.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.id, target.id));
    return row;
  });
}
