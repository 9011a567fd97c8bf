import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { escapeLike } from "@/lib/util/sql";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { memberships, supervisions, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails, type Pending } from "@/lib/email/send";
import { supervisorAssignedEmail } from "@/lib/email/templates";
import { traineesLeftUnsupervised } from "@/lib/cases/events";

export type PersonRef = { membershipId: string; name: string; email: string; status: "active" | "deactivated"; emailVerified: boolean };
const verified = sql<boolean>`${users.emailVerifiedAt} is not null`;

/** Both sides of a member's supervision links: their supervisors and their trainees. */
export async function getSupervisionLinks(ctx: Ctx, membershipId: string): Promise<{ supervisors: PersonRef[]; trainees: PersonRef[] }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const other = alias(memberships, "other");
  const cols = { membershipId: other.id, name: users.name, email: users.email, status: other.status, emailVerified: verified };
  const supervisors = await db
    .select(cols)
    .from(supervisions)
    .innerJoin(other, and(eq(other.id, supervisions.supervisorMembershipId), eq(other.organisationId, supervisions.organisationId)))
    .innerJoin(users, eq(users.id, other.userId))
    .where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.traineeMembershipId, membershipId)))
    .orderBy(asc(users.name));
  const trainees = await db
    .select(cols)
    .from(supervisions)
    .innerJoin(other, and(eq(other.id, supervisions.traineeMembershipId), eq(other.organisationId, supervisions.organisationId)))
    .innerJoin(users, eq(users.id, other.userId))
    .where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.supervisorMembershipId, membershipId)))
    .orderBy(asc(users.name));
  return { supervisors, trainees };
}

/** Active members of one role, for pickers (supervisor lists, trainee lists). */
export async function listActiveByRole(ctx: Ctx, role: "trainee" | "supervisor"): Promise<PersonRef[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select({ membershipId: memberships.id, name: users.name, email: users.email, status: memberships.status, emailVerified: verified })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, role), eq(memberships.status, "active")))
    .orderBy(asc(users.name))
    .limit(2000);
}

/**
 * Active members of one role whose name or email contains the text, for the search-as-you-type
 * pickers (an organisation may have hundreds of supervisors: a page must not carry them all).
 * In name order on the (organisation_id, sort_name, id) index; at most `limit` (1-50).
 */
export async function searchActiveByRole(ctx: Ctx, role: "trainee" | "supervisor", text: string, limit = 20): Promise<PersonRef[]> {
  assertCan(ctx, "org.manage");
  const q = text.trim().slice(0, 100);
  const db = await getDb();
  return db
    .select({ membershipId: memberships.id, name: users.name, email: users.email, status: memberships.status, emailVerified: verified })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, ctx.orgId),
        eq(memberships.role, role),
        eq(memberships.status, "active"),
        q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined,
      ),
    )
    .orderBy(asc(memberships.sortName), asc(memberships.id))
    .limit(Math.min(50, Math.max(1, Math.floor(limit))));
}

/** Assigns (or removes) a supervisor for a trainee. Many to many; both must be in the caller's organisation. */
export async function setSupervision(ctx: Ctx, input: { supervisorMembershipId: string; traineeMembershipId: string; assigned: boolean }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  await db.transaction(async (tx) => {
    const [sup] = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.id, input.supervisorMembershipId)));
    const [trainee] = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.id, input.traineeMembershipId)));
    if (!sup || !trainee) throw new NotFoundError();
    const key = { organisationId: ctx.orgId, supervisorMembershipId: sup.id, traineeMembershipId: trainee.id };
    if (input.assigned) {
      if (sup.role !== "supervisor") throw new ValidationError("Check the highlighted fields.", { supervisorMembershipId: ["Choose someone whose role is supervisor."] });
      if (trainee.role !== "trainee") throw new ValidationError("Check the highlighted fields.", { traineeMembershipId: ["Choose someone whose role is trainee."] });
      const added = await tx.insert(supervisions).values(key).onConflictDoNothing().returning();
      if (added.length) {
        await auditAs(tx, ctx, { action: "supervision.assigned", targetType: "membership", targetId: trainee.id, detail: { supervisorMembershipId: sup.id } });
        // The trainee is told who can now read the cases they submit.
        const [people] = await tx
          .select({ traineeEmail: users.email, traineeName: users.name, supervisorName: sql<string>`(select u2.name from memberships m2 join users u2 on u2.id = m2.user_id where m2.id = ${sup.id})` })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.id, trainee.id));
        if (people) {
          pending = await queueEmails(tx, [
            { organisationId: ctx.orgId, to: people.traineeEmail, kind: "supervisor_assigned", ...supervisorAssignedEmail({ orgName: ctx.orgName, name: people.traineeName, supervisorName: people.supervisorName, url: `${appBaseUrl()}/cases` }) },
          ]);
        }
      }
    } else {
      const removed = await tx
        .delete(supervisions)
        .where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.supervisorMembershipId, sup.id), eq(supervisions.traineeMembershipId, trainee.id)))
        .returning();
      if (removed.length) {
        await auditAs(tx, ctx, { action: "supervision.removed", targetType: "membership", targetId: trainee.id, detail: { supervisorMembershipId: sup.id } });
        pending = await traineesLeftUnsupervised(tx, ctx, [trainee.id]);
      }
    }
  });
  await pending?.deliver();
}
