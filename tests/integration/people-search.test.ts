import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { countQueries } from "@/db/query-count";
import { searchActiveByRole } from "@/lib/orgs/supervision";
import { getCohortChoice, searchCohortChoices } from "@/lib/orgs/cohorts";
import { cohorts } from "@/db/schema";
import { createCohortRow } from "../fixtures/onboarding";
import { addMember, createOrg, createUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("the people pickers' search (searchActiveByRole)", () => {
  it("finds active people of one role by part of their name or email, in name order, in one statement", async () => {
    const org = await createOrg("Picker");
    const admin = ctxOf(org, org.admin);
    const zed = await createUser("Zed Okafor", `zed.${org.orgId.slice(0, 8)}@clinic.example`);
    await addMember(org.orgId, zed.id, "supervisor");
    const amy = await createUser("Amy Okafor");
    await addMember(org.orgId, amy.id, "supervisor");
    const gone = await createUser("Okafor Left");
    const goneM = await addMember(org.orgId, gone.id, "supervisor");
    const db = await getDb();
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, goneM.id));
    const traineeOkafor = await createUser("Trainee Okafor");
    await addMember(org.orgId, traineeOkafor.id, "trainee");

    const { result, count } = await countQueries(() => searchActiveByRole(admin, "supervisor", "okafor"));
    expect(result.map((p) => p.name)).toEqual(["Amy Okafor", "Zed Okafor"]);
    expect(count).toBe(1);
    expect((await searchActiveByRole(admin, "supervisor", "clinic.example")).map((p) => p.name)).toEqual(["Zed Okafor"]);
    expect((await searchActiveByRole(admin, "trainee", "okafor")).map((p) => p.name)).toEqual(["Trainee Okafor"]);
    // Nothing typed: the first of everyone, still in name order and capped.
    const all = await searchActiveByRole(admin, "supervisor", "  ", 3);
    expect(all).toHaveLength(3);
    expect(all.map((p) => p.name)).toEqual([...all.map((p) => p.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(await searchActiveByRole(admin, "supervisor", "", 500)).toHaveLength(4);
  });

  it("treats % and _ as text, and never reaches another organisation or a non-admin", async () => {
    const a = await createOrg("PickerA");
    const b = await createOrg("PickerB");
    const pct = await createUser("Percy 100% Sure");
    await addMember(a.orgId, pct.id, "supervisor");
    expect((await searchActiveByRole(ctxOf(a, a.admin), "supervisor", "%")).map((p) => p.name)).toEqual(["Percy 100% Sure"]);
    expect(await searchActiveByRole(ctxOf(a, a.admin), "supervisor", "_")).toEqual([]);
    // B's admin typing A's supervisor's name finds nobody.
    expect(await searchActiveByRole(ctxOf(b, b.admin), "supervisor", a.otherSupervisor.name)).toEqual([]);
    expect((await searchActiveByRole(ctxOf(a, a.admin), "supervisor", a.otherSupervisor.name)).map((p) => p.membershipId)).toEqual([a.otherSupervisor.membershipId]);
    await expect(searchActiveByRole(ctxOf(a, a.trainee), "supervisor", "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchActiveByRole(ctxOf(a, a.supervisor), "trainee", "")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the cohort pickers' search (searchCohortChoices, getCohortChoice)", () => {
  it("finds cohorts by part of the name, active before archived, archived only when asked", async () => {
    const org = await createOrg("CohortPick");
    const admin = ctxOf(org, org.admin);
    const feb = await createCohortRow(org.orgId, "2027 February intake");
    const jul = await createCohortRow(org.orgId, "2027 july intake");
    const old = await createCohortRow(org.orgId, "2025 February intake");
    const db = await getDb();
    await db.update(cohorts).set({ archivedAt: new Date() }).where(eq(cohorts.id, old.id));

    expect((await searchCohortChoices(admin, "intake")).map((c) => c.name)).toEqual(["2027 February intake", "2027 july intake"]);
    expect((await searchCohortChoices(admin, "FEBRUARY", { includeArchived: true })).map((c) => c.id)).toEqual([feb.id, old.id]);
    expect(await searchCohortChoices(admin, "%")).toEqual([]);
    expect(await searchCohortChoices(admin, "", { limit: 1 })).toHaveLength(1);
    expect((await getCohortChoice(admin, jul.id))?.name).toBe("2027 july intake");
  });

  it("never reaches another organisation's cohorts, and is an admin's alone", async () => {
    const a = await createOrg("CohortPickA");
    const b = await createOrg("CohortPickB");
    const mine = await createCohortRow(a.orgId, "Only in A");
    expect(await searchCohortChoices(ctxOf(b, b.admin), "Only in A", { includeArchived: true })).toEqual([]);
    expect(await getCohortChoice(ctxOf(b, b.admin), mine.id)).toBeNull();
    await expect(searchCohortChoices(ctxOf(a, a.trainee), "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCohortChoice(ctxOf(a, a.supervisor), mine.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
