import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/core/errors";
import { countQueries } from "@/db/query-count";
import { assignPlacement, createPlacement, listAssignments } from "@/lib/hours/placements";
import { addMember, createOrg, createUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("the placements list (listAssignments)", () => {
  it("pages by trainee name with a keyset, each placement once, and finds by trainee or site name", async () => {
    const org = await createOrg("Placed");
    const admin = ctxOf(org, org.admin);
    const clinic = await createPlacement(admin, { name: "Harbour Clinic", kind: "university_clinic" });
    const agency = await createPlacement(admin, { name: "Westside Agency", kind: "community_agency" });
    const names = ["Beth Ng", "amy Ortiz", "Cal Ruiz", "Dana Yu"];
    const trainees = [];
    for (const n of names) {
      const u = await createUser(n);
      trainees.push({ name: n, m: await addMember(org.orgId, u.id, "trainee") });
    }
    for (const t of trainees) await assignPlacement(admin, { placementId: clinic.id, traineeMembershipId: t.m.id, supervisorMembershipId: org.supervisor.membershipId });
    await assignPlacement(admin, { placementId: agency.id, traineeMembershipId: trainees[0].m.id, supervisorMembershipId: org.otherSupervisor.membershipId });

    const seen: string[] = [];
    let after: { name: string; id: string } | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const { result: page, count } = await countQueries(() => listAssignments(admin, { after, limit: 2 }));
      expect(count).toBe(1);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => `${r.traineeName} @ ${r.placementName}`));
      if (!page.next) break;
      after = page.next;
    }
    // Case-insensitive name order; Beth's two placements both appear, once each.
    expect(seen.map((s) => s.split(" @ ")[0])).toEqual(["amy Ortiz", "Beth Ng", "Beth Ng", "Cal Ruiz", "Dana Yu"]);
    expect(new Set(seen).size).toBe(5);

    const agencyOnly = await listAssignments(admin, { q: "westside" });
    expect(agencyOnly.rows.map((r) => r.traineeName)).toEqual(["Beth Ng"]);
    expect(agencyOnly.rows[0].supervisors.map((s) => s.membershipId)).toEqual([org.otherSupervisor.membershipId]);
    expect((await listAssignments(admin, { q: "ruiz" })).rows.map((r) => r.placementName)).toEqual(["Harbour Clinic"]);
    expect((await listAssignments(admin, { q: "%" })).rows).toEqual([]);
  });

  it("shows nothing of another organisation and refuses anyone but an admin", async () => {
    const a = await createOrg("PlacedA");
    const b = await createOrg("PlacedB");
    const site = await createPlacement(ctxOf(a, a.admin), { name: "Only A", kind: "other" });
    await assignPlacement(ctxOf(a, a.admin), { placementId: site.id, traineeMembershipId: a.trainee.membershipId, supervisorMembershipId: a.supervisor.membershipId });
    expect((await listAssignments(ctxOf(b, b.admin))).rows).toEqual([]);
    await expect(listAssignments(ctxOf(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAssignments(ctxOf(a, a.supervisor))).rejects.toBeInstanceOf(NotFoundError);
  });
});
