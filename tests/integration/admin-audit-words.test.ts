import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { audit, auditAs } from "@/lib/core/audit";
import { createCohort } from "@/lib/orgs/cohorts";
import { changeRole } from "@/lib/orgs/members";
import { setSupervision } from "@/lib/orgs/supervision";
import { listAuditEvents } from "@/lib/reports/audit-log";
import { auditFields, auditSentence } from "@/lib/reports/audit-words";
import { createOrg } from "../fixtures/factory";
import { insertCase, insertInvitation } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const words = (r: Parameters<typeof auditSentence>[0]) => {
  const s = auditSentence(r);
  return `${s.before}${s.target?.label ?? ""}${s.after}`;
};

describe("the audit log in words", () => {
  it("names each target in the same query: members, cases with their version, cohorts, invitations, the supervisor in the detail", async () => {
    const org = await createOrg("Words");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    await changeRole(admin, { membershipId: org.otherTrainee.membershipId, role: "supervisor", version: 0 });
    const c = await insertCase(org.orgId, org.trainee);
    await db.execute(sql`update cases set client_code = 'T-14' where id = ${c.id}`);
    await auditAs(db, admin, { action: "case.signed_off", targetType: "case", targetId: c.id, detail: { from: "submitted", to: "signed_off", caseVersion: 2 } });
    const cohort = await createCohort(admin, { name: "Winter intake" });
    const inv = await insertInvitation(org.orgId, "words.person@test.example");
    await auditAs(db, admin, { action: "invitation.revoked", targetType: "invitation", targetId: inv.id, detail: { email: "words.person@test.example" } });
    await setSupervision(admin, { traineeMembershipId: org.trainee.membershipId, supervisorMembershipId: org.otherSupervisor.membershipId, assigned: true });
    // A target id that is not a uuid (an old or foreign row) resolves to nothing rather than failing the page.
    await audit(db, { organisationId: org.orgId, actorUserId: org.admin.userId, action: "member.deactivated", targetType: "membership", targetId: "not-a-uuid" });

    const { count, result } = await countQueries(() => listAuditEvents(admin, {}));
    expect(count).toBe(1);
    const byAction = (a: string) => result.rows.find((r) => r.action === a)!;
    expect(words(byAction("member.role_changed"))).toBe(`Changed the role of ${org.otherTrainee.name}`);
    expect(byAction("member.role_changed").target?.href).toBe(`/admin/members/${org.otherTrainee.membershipId}`);
    expect(words(byAction("case.signed_off"))).toBe("Signed off case T-14 v2");
    expect(byAction("case.signed_off").target?.href).toBe(`/cases/${c.id}`);
    expect(words(byAction("cohort.created"))).toBe("Created cohort Winter intake");
    expect(byAction("cohort.created").target?.href).toBe("/admin/cohorts");
    expect(words(byAction("invitation.revoked"))).toBe("Revoked the invitation of words.person@test.example");
    const assigned = byAction("supervision.assigned");
    expect(words(assigned)).toBe(`Assigned a supervisor to ${org.trainee.name}`);
    expect(auditFields(assigned)).toContainEqual({ label: "Supervisor", value: org.otherSupervisor.name });
    expect(auditFields(assigned).map((f) => f.label)).not.toContain("Supervisor Membership Id");
    expect(words(byAction("member.deactivated"))).toBe("Deactivated a former member");
    expect(auditFields(byAction("case.signed_off")).sort((x, y) => x.label.localeCompare(y.label))).toEqual([{ label: "From", value: "submitted" }, { label: "To", value: "signed off" }]);
    expect(cohort.id).toBeTruthy();

    // Another organisation's ids never resolve to its names.
    const other = await createOrg("WordsOther");
    await auditAs(db, admin, { action: "member.deactivated", targetType: "membership", targetId: other.trainee.membershipId });
    const [latest] = (await listAuditEvents(admin, {}, { limit: 1 })).rows;
    expect(words(latest)).toBe("Deactivated a former member");
    expect(latest.target?.href).toBeNull();
  });

  it("hides routine reads by default, shows them on request, and filters by category", async () => {
    const org = await createOrg("Routine");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    const c = await insertCase(org.orgId, org.trainee);
    await auditAs(db, admin, { action: "case.viewed", targetType: "case", targetId: c.id, detail: { via: "page" } });
    await changeRole(admin, { membershipId: org.otherTrainee.membershipId, role: "supervisor", version: 0 });
    const actions = async (f: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(admin, f)).rows.map((r) => r.action);
    expect(await actions({})).not.toContain("case.viewed");
    expect(await actions({ reads: true })).toContain("case.viewed");
    expect(await actions({ action: "case.viewed" })).toEqual(["case.viewed"]);
    expect(await actions({ category: "people" })).toEqual(["member.role_changed"]);
    expect(await actions({ category: "cases" })).toEqual([]);
    expect(await actions({ category: "cases", reads: true })).toEqual(["case.viewed"]);
  });

  it("serves the default page from the partial index, in every partition", async () => {
    const org = await createOrg("Explain");
    const db = await getDb();
    await db.execute(sql`set enable_seqscan = off`);
    const plan = await db.execute(
      sql`explain select id from audit_events where organisation_id = ${org.orgId} and "audit_events"."action" not like '%.viewed' order by occurred_at desc, id desc limit 101`,
    );
    await db.execute(sql`reset enable_seqscan`);
    const text = JSON.stringify(plan);
    // Each partition's copy of audit_events_org_changes_idx is named after it (audit_events_y2026m11_org_changes_idx).
    const month = `audit_events_y${new Date().toISOString().slice(0, 4)}m${new Date().toISOString().slice(5, 7)}`;
    expect(text).toContain(`${month}_org_changes_idx`);
    expect(text).toContain("audit_events_default_org_changes_idx");
    expect(text).not.toMatch(/org_time_idx|Seq Scan/);
  });
});
