import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { hourApprovals, hourEntries, hourSummaries, memberships, placements, traineePlacements, users, type HourSummary, type SummarySnapshot } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { newSerial, SERIAL_PATTERN } from "@/lib/util/serial";
import { loadTraineeFor, visibleEntries } from "./access";
import { CATEGORY_CODES } from "./categories";
import { counted } from "./progress";

// Signed summaries: the approved hours of a trainee for a period (one placement or all), each
// approval with who signed it and when, frozen as a snapshot under a verification serial that a
// public page checks (like the certificates). Pending and returned hours are never in one.

async function placementOf(ctx: Ctx, traineeMembershipId: string, traineePlacementId: string) {
  const db = await getDb();
  const [tp] = await db
    .select({ id: traineePlacements.id, name: placements.name })
    .from(traineePlacements)
    .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .where(
      and(
        eq(traineePlacements.organisationId, ctx.orgId),
        eq(traineePlacements.id, traineePlacementId),
        eq(traineePlacements.traineeMembershipId, traineeMembershipId),
        ctx.role === "supervisor"
          ? sql`exists (select 1 from trainee_placement_supervisors tps where tps.organisation_id = ${traineePlacements.organisationId} and tps.trainee_placement_id = ${traineePlacements.id} and tps.supervisor_membership_id = ${ctx.membershipId})`
          : undefined,
      ),
    );
  return tp ?? null;
}

/** Issues a summary: the snapshot is built and stored in one transaction with its audit event. */
export async function issueSummary(ctx: Ctx, input: { traineeMembershipId: string; traineePlacementId: string; from: string; to: string }): Promise<{ serial: string }> {
  assertCan(ctx, "hours.view");
  const db = await getDb();
  const trainee = await loadTraineeFor(db, ctx, input.traineeMembershipId);
  if (ctx.role === "supervisor" && !input.traineePlacementId) {
    throw new ValidationError("Check the highlighted fields.", { traineePlacementId: ["Choose a placement you supervise: a supervisor signs off the hours of their own placements."] });
  }
  const tp = input.traineePlacementId ? await placementOf(ctx, trainee.membershipId, input.traineePlacementId) : null;
  if (input.traineePlacementId && !tp) throw new ValidationError("Check the highlighted fields.", { traineePlacementId: ["Choose one of the trainee's placements."] });
  const approver = alias(memberships, "approver");
  const approverUser = alias(users, "approver_user");
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        category: hourEntries.category,
        minutes: sql<number>`sum(${hourEntries.minutes})::int`,
        entries: sql<number>`count(*)::int`,
        approvalId: hourApprovals.id,
        approvedAt: hourApprovals.approvedAt,
        attestation: hourApprovals.attestation,
        via: hourApprovals.via,
        supervisorName: approverUser.name,
      })
      .from(hourEntries)
      .innerJoin(hourApprovals, and(eq(hourApprovals.organisationId, hourEntries.organisationId), eq(hourApprovals.id, hourEntries.approvalId)))
      .innerJoin(approver, and(eq(approver.organisationId, hourApprovals.organisationId), eq(approver.id, hourApprovals.supervisorMembershipId)))
      .innerJoin(approverUser, eq(approverUser.id, approver.userId))
      .where(
        and(
          eq(hourEntries.organisationId, ctx.orgId),
          eq(hourEntries.traineeMembershipId, trainee.membershipId),
          eq(hourEntries.status, "approved"),
          gte(hourEntries.occurredOn, input.from),
          lte(hourEntries.occurredOn, input.to),
          tp ? eq(hourEntries.traineePlacementId, tp.id) : undefined,
          visibleEntries(ctx),
          counted(ctx.orgId, [trainee.membershipId]),
        ),
      )
      .groupBy(hourEntries.category, hourApprovals.id, hourApprovals.approvedAt, hourApprovals.attestation, hourApprovals.via, approverUser.name);
    const byCategory = new Map<string, number>();
    const approvals = new Map<string, SummarySnapshot["approvals"][number]>();
    for (const r of rows) {
      byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.minutes);
      const a = approvals.get(r.approvalId) ?? { id: r.approvalId, supervisorName: r.supervisorName, attestation: r.attestation, approvedAt: new Date(r.approvedAt).toISOString(), minutes: 0, entries: 0, via: r.via };
      a.minutes += r.minutes;
      a.entries += r.entries;
      approvals.set(r.approvalId, a);
    }
    const totals = CATEGORY_CODES.filter((c) => byCategory.has(c)).map((c) => ({ category: c, minutes: byCategory.get(c)! }));
    const snapshot: SummarySnapshot = {
      traineeName: trainee.name,
      orgName: ctx.orgName,
      placementName: tp?.name ?? null,
      from: input.from,
      to: input.to,
      totals,
      totalMinutes: totals.reduce((n, t) => n + t.minutes, 0),
      approvals: [...approvals.values()].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt)),
    };
    const serial = newSerial();
    const [row] = await tx
      .insert(hourSummaries)
      .values({ serial, organisationId: ctx.orgId, traineeMembershipId: trainee.membershipId, traineePlacementId: tp?.id ?? null, periodFrom: input.from, periodTo: input.to, snapshot, createdByMembershipId: ctx.membershipId })
      .returning({ id: hourSummaries.id });
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "hours.summary_issued",
      targetType: "hour_summary",
      targetId: row.id,
      detail: { serial, traineeMembershipId: trainee.membershipId, traineePlacementId: tp?.id ?? null, from: input.from, to: input.to, totalMinutes: snapshot.totalMinutes },
    });
    return { serial };
  });
}

/**
 * The trainee, an admin of the organisation, whoever issued it, and supervisors of its placement
 * may download a summary; anyone else (and any other organisation) gets not-found.
 */
export async function getSummaryForDownload(ctx: Ctx, serial: string): Promise<HourSummary> {
  assertCan(ctx, "hours.view");
  if (!SERIAL_PATTERN.test(serial)) throw new NotFoundError();
  const db = await getDb();
  const [s] = await db.select().from(hourSummaries).where(and(eq(hourSummaries.serial, serial), eq(hourSummaries.organisationId, ctx.orgId)));
  if (!s) throw new NotFoundError();
  if (ctx.role === "org_admin" || s.createdByMembershipId === ctx.membershipId) return s;
  if (ctx.role === "trainee" && s.traineeMembershipId === ctx.membershipId) return s;
  if (ctx.role === "supervisor" && s.traineePlacementId && (await placementOf(ctx, s.traineeMembershipId, s.traineePlacementId))) return s;
  throw new NotFoundError();
}

/** Public verification: what the summary says, so a registration body can compare it with the PDF. */
export async function verifySummary(serial: string): Promise<(SummarySnapshot & { serial: string; issuedAt: Date }) | null> {
  if (!SERIAL_PATTERN.test(serial)) return null;
  const db = await getDb();
  const [s] = await db.select({ snapshot: hourSummaries.snapshot, serial: hourSummaries.serial, issuedAt: hourSummaries.createdAt }).from(hourSummaries).where(eq(hourSummaries.serial, serial));
  return s ? { ...s.snapshot, serial: s.serial, issuedAt: s.issuedAt } : null;
}
