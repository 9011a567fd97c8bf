import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { memberships } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";

export type SetupStep = { key: string; label: string; hint: string; href: string; done: boolean; optional?: boolean };
export type SetupGuide = { steps: SetupStep[]; dismissed: boolean };

/**
 * The first-run guide for an organisation's admin: each step ticks itself from the data (one
 * query of EXISTS checks), so nobody has to mark anything done.
 */
export async function getSetupGuide(ctx: Ctx): Promise<SetupGuide> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const org = ctx.orgId;
  const [r] = rowsOf<{ dismissed: boolean; details: boolean; supervisors: boolean; trainees: boolean; assigned: boolean; required: boolean }>(
    await db.execute(sql`
    select
      (select setup_guide_dismissed_at is not null from memberships where id = ${ctx.membershipId} and organisation_id = ${org}) as dismissed,
      exists (select 1 from audit_events where organisation_id = ${org} and action like 'org.%' and action not in ('org.created', 'org.verified_by_operator')) as details,
      exists (select 1 from memberships where organisation_id = ${org} and role = 'supervisor')
        or exists (select 1 from invitations where organisation_id = ${org} and role = 'supervisor' and revoked_at is null) as supervisors,
      exists (select 1 from memberships where organisation_id = ${org} and role = 'trainee')
        or exists (select 1 from invitations where organisation_id = ${org} and role = 'trainee' and revoked_at is null) as trainees,
      exists (select 1 from supervisions where organisation_id = ${org})
        or exists (select 1 from invitations where organisation_id = ${org} and supervisor_membership_id is not null and revoked_at is null) as assigned,
      exists (select 1 from module_requirements where organisation_id = ${org}) as required
  `),
  );
  return {
    dismissed: Boolean(r?.dismissed),
    steps: [
      { key: "details", label: "Name and details of your organisation", hint: "Check the name people see and how cases without a supervisor are handled.", href: "/admin/settings", done: Boolean(r?.details) },
      { key: "supervisors", label: "Invite supervisors", hint: "Supervisors review and sign off trainees' case logs.", href: "/admin/invitations", done: Boolean(r?.supervisors) },
      { key: "trainees", label: "Invite trainees", hint: "Trainees study the modules and log their cases.", href: "/admin/invitations", done: Boolean(r?.trainees) },
      { key: "assigned", label: "Assign supervisors to trainees", hint: "Select trainees on the members list and assign a supervisor to them all at once.", href: "/admin/members?role=trainee", done: Boolean(r?.assigned) },
      { key: "required", label: "Choose required modules", hint: "Pick the modules each role or cohort must complete, and when.", href: "/admin/requirements", done: Boolean(r?.required) },
      // Hours requirement sets are being built separately; until then this step only points at settings.
      { key: "hours", label: "Pick an hours requirement set", hint: "Optional: track supervised practice hours against a standard.", href: "/admin/settings", done: false, optional: true },
    ],
  };
}

/** Hides the guide for this admin (others still see it). */
export async function dismissSetupGuide(ctx: Ctx): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(memberships)
      .set({ setupGuideDismissedAt: new Date() })
      .where(and(eq(memberships.id, ctx.membershipId), eq(memberships.organisationId, ctx.orgId), sql`${memberships.setupGuideDismissedAt} is null`))
      .returning({ id: memberships.id });
    if (changed.length) await auditAs(tx, ctx, { action: "setup_guide.dismissed", targetType: "membership", targetId: ctx.membershipId });
  });
}
