import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, hourEntries, hourMonthlyTotals, memberships, organisations } from "@/db/schema";
import { approveEntries, listApprovalQueue, returnEntries } from "@/lib/hours/approvals";
import { addDays, today, weekStart } from "@/lib/hours/days";
import { correctEntry, createEntry, deleteEntry, saveWeek, submitEntries, updateEntry } from "@/lib/hours/entries";
import { checkHourTotals, recountHourTotals } from "@/lib/hours/monthly-totals";
import { totalsForTrainees, type Bounds } from "@/lib/hours/progress";
import { recordSession } from "@/lib/hours/sessions";
import { createOrg, uid } from "../fixtures/factory";
import { insertEntry, placeTrainee } from "../fixtures/hours";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

// The running monthly totals the cohort hours report reads (hour_monthly_totals, kept by triggers
// on hour_entries, migration 0023) against a recount from the entries themselves after every kind
// of write the application makes, and the report's totals for windows that cut months in part,
// against sums over the entries. On PGlite and on PostgreSQL.

const ago = (n: number) => addDays(today(), -n);
type Row = { trainee: string; month: string; category: string; status: string; minutes: number; entries: number; lastOn: string };

/** The entries of the organisation that count: all but approved ones an approved correction replaced. */
async function countedEntries(orgId: string) {
  const rows = await (await getDb()).select().from(hourEntries).where(eq(hourEntries.organisationId, orgId));
  const replaced = new Set(rows.filter((r) => r.correctsEntryId && r.status === "approved").map((r) => r.correctsEntryId));
  return rows.filter((r) => !(r.status === "approved" && replaced.has(r.id)));
}

async function expectTotalsMatchEntries(orgId: string) {
  const byKey = new Map<string, Row>();
  for (const e of await countedEntries(orgId)) {
    const month = `${e.occurredOn.slice(0, 7)}-01`;
    const key = [e.traineeMembershipId, month, e.category, e.status].join("|");
    const r = byKey.get(key) ?? { trainee: e.traineeMembershipId, month, category: e.category, status: e.status, minutes: 0, entries: 0, lastOn: e.occurredOn };
    r.minutes += e.minutes;
    r.entries += 1;
    if (e.occurredOn > r.lastOn) r.lastOn = e.occurredOn;
    byKey.set(key, r);
  }
  const kept = await (await getDb()).select().from(hourMonthlyTotals).where(eq(hourMonthlyTotals.organisationId, orgId));
  const sort = (rows: Row[]) => rows.map((r) => [r.trainee, r.month, r.category, r.status, r.minutes, r.entries, r.lastOn].join("|")).sort();
  expect(sort(kept.map((k) => ({ trainee: k.traineeMembershipId, month: k.month, category: k.category, status: k.status, minutes: k.minutes, entries: k.entries, lastOn: k.lastOn })))).toEqual(
    sort([...byKey.values()]),
  );
  return byKey.size;
}

/** What the report should show for a window, summed straight from the entries. */
async function expectedFor(orgId: string, traineeIds: string[], b: Bounds) {
  const counted = await countedEntries(orgId);
  return new Map(
    traineeIds.map((t) => {
      const mine = counted.filter((e) => e.traineeMembershipId === t);
      const inWindow = mine.filter((e) => (!b.from || e.occurredOn >= b.from) && (!b.to || e.occurredOn <= b.to));
      const totals: Record<string, Record<string, number>> = {};
      for (const e of inWindow) {
        totals[e.category] ??= {};
        totals[e.category][e.status] = (totals[e.category][e.status] ?? 0) + e.minutes;
      }
      const last = mine.reduce<string | null>((m, e) => (!m || e.occurredOn > m ? e.occurredOn : m), null);
      return [t, { totals, last }];
    }),
  );
}

async function expectReportTotals(orgId: string, traineeIds: string[], b: Bounds) {
  const got = await totalsForTrainees(await getDb(), orgId, traineeIds, b);
  const want = await expectedFor(orgId, traineeIds, b);
  for (const t of traineeIds) {
    const g = got.get(t)!;
    const nonZero: Record<string, Record<string, number>> = {};
    for (const [c, byStatus] of Object.entries(g.totals)) {
      for (const [s, m] of Object.entries(byStatus)) {
        if (m) (nonZero[c] ??= {})[s] = m;
      }
    }
    expect(nonZero, `${t} ${JSON.stringify(b)}`).toEqual(want.get(t)!.totals);
    expect(g.lastLoggedOn).toBe(want.get(t)!.last);
  }
}

async function setUp(label: string) {
  const org = await createOrg(label);
  const a = await placeTrainee(org.orgId, org.trainee, [org.supervisor], { siteName: `Eastside ${uid()}` });
  const b = await placeTrainee(org.orgId, org.otherTrainee, [org.supervisor], { siteName: `Westside ${uid()}` });
  return { org, tpA: a.traineePlacementId, tpB: b.traineePlacementId, trainee: ctxOf(org, org.trainee), other: ctxOf(org, org.otherTrainee), supervisor: ctxOf(org, org.supervisor) };
}

describe("the monthly totals of hours", () => {
  it("follow every write: drafts, edits across months, deletions, the week grid, submission, return, approval, corrections and sessions", async () => {
    const { org, tpA, tpB, trainee, other, supervisor } = await setUp("MonthlyTotals");
    const ids = [org.trainee.membershipId, org.otherTrainee.membershipId];
    // Entries over four months, for two trainees.
    const days = [1, 3, 20, 35, 40, 64, 70, 95, 100];
    const made = [];
    for (const [i, d] of days.entries()) {
      made.push(await createEntry(trainee, { traineePlacementId: tpA, occurredOn: ago(d), minutes: 30 + i * 15, category: i % 2 ? "direct_individual" : "indirect_notes", note: "" }));
      await createEntry(other, { traineePlacementId: tpB, occurredOn: ago(d + 2), minutes: 45, category: "direct_group", note: "" });
    }
    expect(await expectTotalsMatchEntries(org.orgId)).toBeGreaterThan(4);

    // An edit that moves an entry to another month and category; a deletion.
    const moved = await updateEntry(trainee, { id: made[0].id, version: made[0].version, traineePlacementId: tpA, occurredOn: ago(64), minutes: 200, category: "skills_practice", note: "Moved" });
    await deleteEntry(trainee, { id: made[2].id, version: made[2].version });
    await expectTotalsMatchEntries(org.orgId);

    // The week grid: drafts created, then changed and removed on the next save.
    const monday = weekStart(ago(28));
    await saveWeek(trainee, { weekStart: monday, cells: [{ traineePlacementId: tpA, day: monday, category: "direct_couple_family", minutes: 60 }, { traineePlacementId: tpA, day: addDays(monday, 2), category: "indirect_preparation", minutes: 20 }] });
    await saveWeek(trainee, { weekStart: monday, cells: [{ traineePlacementId: tpA, day: monday, category: "direct_couple_family", minutes: 90 }] });
    await expectTotalsMatchEntries(org.orgId);

    // Submitted, then some returned and the rest approved.
    const mine = (await (await getDb()).select({ id: hourEntries.id }).from(hourEntries).where(eq(hourEntries.traineeMembershipId, org.trainee.membershipId))).map((r) => r.id);
    await submitEntries(trainee, { ids: mine });
    await expectTotalsMatchEntries(org.orgId);
    const queue = (await listApprovalQueue(supervisor)).entries.filter((e) => e.traineeMembershipId === org.trainee.membershipId);
    expect(queue.length).toBe(mine.length);
    await returnEntries(supervisor, { entries: queue.slice(0, 2).map((e) => ({ id: e.id, version: e.version })), reason: "Please check the category." });
    await approveEntries(supervisor, { entries: queue.slice(2).map((e) => ({ id: e.id, version: e.version })), attestation: org.supervisor.name });
    await expectTotalsMatchEntries(org.orgId);

    // A correction in another month than its original: the original counts until it is approved.
    const original = queue.find((e) => e.id === moved.id) ?? queue[2];
    const fix = await correctEntry(trainee, { correctsId: original.id, traineePlacementId: tpA, occurredOn: ago(2), minutes: 75, category: "direct_individual", note: "It was shorter." });
    await expectTotalsMatchEntries(org.orgId);
    await submitEntries(trainee, { ids: [fix.id] });
    const [q] = (await listApprovalQueue(supervisor)).entries.filter((e) => e.id === fix.id);
    await approveEntries(supervisor, { entries: [{ id: q.id, version: q.version }], attestation: org.supervisor.name });
    await expectTotalsMatchEntries(org.orgId);

    // A group supervision session puts approved hours in both trainees' ledgers in one statement.
    await recordSession(supervisor, { requestId: randomUUID(), occurredOn: ago(33), minutes: 90, kind: "group", attendees: ids, agenda: "Withdrawal ruptures.", notes: "", notesShared: false, caseIds: [] });
    await expectTotalsMatchEntries(org.orgId);

    // The report's totals for windows that are open, month-aligned, cut months in part, sit inside
    // one month, or are empty.
    const t = today();
    const first = `${t.slice(0, 7)}-01`;
    const windows: Bounds[] = [
      { from: null, to: null },
      { from: ago(45), to: null },
      { from: null, to: ago(30) },
      { from: ago(80), to: ago(10) },
      { from: addDays(first, -31 * 2 + 5), to: addDays(first, -1) },
      { from: `${ago(40).slice(0, 7)}-01`, to: addDays(`${ago(10).slice(0, 7)}-01`, -1) },
      { from: ago(36), to: ago(33) },
      { from: ago(5), to: ago(30) },
    ];
    for (const w of windows) await expectReportTotals(org.orgId, ids, w);
  });

  it("stay right when one trainee's entries are written at the same time from several places", async () => {
    const { org, tpA, trainee, supervisor } = await setUp("MonthlyTotalsRace");
    const seeded = await Promise.all(Array.from({ length: 6 }, (_, i) => insertEntry(org.orgId, org.trainee, tpA, { status: "submitted", minutes: 30 + i, day: ago(1 + (i % 2)) })));
    // Six new drafts on the same days while the supervisor approves the submitted ones.
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => createEntry(trainee, { traineePlacementId: tpA, occurredOn: ago(1 + (i % 2)), minutes: 10 + i, category: "indirect_notes", note: "" })),
      approveEntries(supervisor, { entries: seeded.map((e) => ({ id: e.id, version: e.version })), attestation: org.supervisor.name }),
    ]);
    await expectTotalsMatchEntries(org.orgId);
    await expectReportTotals(org.orgId, [org.trainee.membershipId], { from: null, to: null });
  });

  it("go with the trainee: removing a membership or an organisation leaves none behind", async () => {
    const { org, tpA, trainee } = await setUp("MonthlyTotalsGone");
    await createEntry(trainee, { traineePlacementId: tpA, occurredOn: ago(3), minutes: 60, category: "direct_individual", note: "" });
    const db = await getDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(hourMonthlyTotals).where(eq(hourMonthlyTotals.organisationId, org.orgId)))[0].n;
    expect(await count()).toBe(1);
    await db.delete(organisations).where(eq(organisations.id, org.orgId));
    expect(await count()).toBe(0);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.organisationId, org.orgId)))[0].n).toBe(0);
  });

  it("are found stale and recounted by the operator's tool (npm run hours:recount) after a write that bypassed the triggers", async () => {
    const { org, tpA, trainee } = await setUp("MonthlyTotalsRepair");
    await createEntry(trainee, { traineePlacementId: tpA, occurredOn: ago(3), minutes: 60, category: "direct_individual", note: "" });
    await createEntry(trainee, { traineePlacementId: tpA, occurredOn: ago(40), minutes: 30, category: "indirect_notes", note: "" });
    const db = await getDb();
    const only = { organisationId: org.orgId };
    expect(await checkHourTotals(db, only)).toEqual([{ organisationId: org.orgId, rowsWrong: 0 }]);
    // What a restore with triggers off could leave: a wrong figure, a missing month, a month with no entries.
    const [month] = await db.select().from(hourMonthlyTotals).where(and(eq(hourMonthlyTotals.organisationId, org.orgId), eq(hourMonthlyTotals.category, "direct_individual")));
    await db.update(hourMonthlyTotals).set({ minutes: 999 }).where(and(eq(hourMonthlyTotals.organisationId, org.orgId), eq(hourMonthlyTotals.month, month.month), eq(hourMonthlyTotals.category, "direct_individual")));
    await db.delete(hourMonthlyTotals).where(and(eq(hourMonthlyTotals.organisationId, org.orgId), eq(hourMonthlyTotals.category, "indirect_notes")));
    await db.insert(hourMonthlyTotals).values({ organisationId: org.orgId, traineeMembershipId: org.trainee.membershipId, month: "2020-01-01", category: "skills_practice", status: "approved", minutes: 45, entries: 1, lastOn: "2020-01-15" });
    // Changed, missing and extra: two rows off for the first (the wrong one and the right one), one each for the others.
    expect(await checkHourTotals(db, only)).toEqual([{ organisationId: org.orgId, rowsWrong: 4 }]);
    expect(await recountHourTotals(db, only)).toEqual([{ organisationId: org.orgId, rowsWrong: 4 }]);
    expect(await checkHourTotals(db, only)).toEqual([{ organisationId: org.orgId, rowsWrong: 0 }]);
    await expectTotalsMatchEntries(org.orgId);
    // Recorded for the organisation, with no person as the actor; a recount that changed nothing is not.
    await recountHourTotals(db, only);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "hours.totals_recounted")));
    expect(events.map((e) => [e.actorUserId, e.detail])).toEqual([[null, { rowsWrong: 4 }]]);
  });
});
