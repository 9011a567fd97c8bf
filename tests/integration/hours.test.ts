import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, hourApprovals, hourEntries, notifications } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { approveEntries, listApprovalQueue, returnEntries } from "@/lib/hours/approvals";
import { CATEGORY_CODES, type CategoryCode } from "@/lib/hours/categories";
import { addDays, today, weekStart } from "@/lib/hours/days";
import { correctEntry, createEntry, deleteEntry, saveWeek, submitEntries, updateEntry } from "@/lib/hours/entries";
import { readHoursCsv } from "@/lib/hours/csv";
import { importHours, previewHoursImport } from "@/lib/hours/import";
import { getEntry, getWeek, listEntries } from "@/lib/hours/ledger";
import { getTraineeProgress } from "@/lib/hours/progress";
import { addMember, createOrg, createUser, uid, type TestOrg } from "../fixtures/factory";
import { adoptSet, insertEntry, placeTrainee } from "../fixtures/hours";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

// The hours ledger against a real database (PGlite and PostgreSQL): a trainee's entries from
// draft to approved, atomic week approval, a race between two supervisors, locked approved
// entries and their corrections, progress against hand-computed totals, and an idempotent import.

const ago = (n: number) => addDays(today(), -n);

async function placed(label: string) {
  const org = await createOrg(label);
  const p = await placeTrainee(org.orgId, org.trainee, [org.supervisor], { siteName: `Northside ${uid()}` });
  return { org, tp: p.traineePlacementId, trainee: ctxOf(org, org.trainee), supervisor: ctxOf(org, org.supervisor) };
}

async function entryRow(id: string) {
  const [row] = await (await getDb()).select().from(hourEntries).where(eq(hourEntries.id, id));
  return row;
}

describe("a trainee's entries", () => {
  it("are added as drafts, edited, deleted and submitted to the site supervisor, who is notified", async () => {
    const { org, tp, trainee } = await placed("HoursDraft");
    const a = await createEntry(trainee, { traineePlacementId: tp, occurredOn: ago(2), minutes: 90, category: "direct_individual", note: "Intake" });
    const b = await createEntry(trainee, { traineePlacementId: tp, occurredOn: ago(2), minutes: 30, category: "indirect_notes", note: "" });
    const c = await createEntry(trainee, { traineePlacementId: tp, occurredOn: ago(1), minutes: 15, category: "indirect_preparation", note: "" });
    const edited = await updateEntry(trainee, { id: b.id, version: b.version, traineePlacementId: tp, occurredOn: ago(2), minutes: 45, category: "indirect_notes", note: "Notes" });
    expect(edited.version).toBe(1);
    await expect(updateEntry(trainee, { id: b.id, version: 0, traineePlacementId: tp, occurredOn: ago(2), minutes: 50, category: "indirect_notes", note: "" })).rejects.toBeInstanceOf(ConflictError);
    await deleteEntry(trainee, { id: c.id, version: c.version });
    expect(await entryRow(c.id)).toBeUndefined();
    expect(await submitEntries(trainee, { ids: [a.id, b.id] })).toEqual({ submitted: 2 });
    expect((await entryRow(a.id)).status).toBe("submitted");
    await expect(updateEntry(trainee, { id: a.id, version: 1, traineePlacementId: tp, occurredOn: ago(2), minutes: 10, category: "direct_individual", note: "" })).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.recipientMembershipId, org.supervisor.membershipId), eq(notifications.kind, "hours_submitted")));
    expect(told).toHaveLength(1);
    expect(told[0].title).toContain("2 hour entries (2 h 15 min)");
    const audited = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.targetType, "hour_entry"), eq(auditEvents.targetId, b.id)));
    expect(audited.map((x) => x.action)).toEqual(["hours.entry_created", "hours.entry_updated", "hours.entry_submitted"]);
  });

  it("refuses bad input with a message and saves nothing", async () => {
    const { tp, trainee, org } = await placed("HoursBad");
    await expect(createEntry(trainee, { traineePlacementId: tp, occurredOn: addDays(today(), 2), minutes: 60, category: "direct_individual", note: "" })).rejects.toMatchObject({
      fieldErrors: { occurredOn: [expect.stringMatching(/hasn't happened yet/)] },
    });
    // Another trainee's placement, or another organisation's: not found.
    const other = await placeTrainee(org.orgId, org.otherTrainee, [org.supervisor]);
    await expect(createEntry(trainee, { traineePlacementId: other.traineePlacementId, occurredOn: ago(1), minutes: 60, category: "direct_individual", note: "" })).rejects.toBeInstanceOf(NotFoundError);
    const count = await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(hourEntries).where(eq(hourEntries.organisationId, org.orgId));
    expect(count[0].n).toBe(0);
    // Supervisors and admins don't log hours.
    await expect(createEntry(ctxOf(org, org.supervisor), { traineePlacementId: tp, occurredOn: ago(1), minutes: 60, category: "direct_individual", note: "" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("saves a week from the grid: one draft per cell, updated and removed on the next save", async () => {
    const { tp, trainee } = await placed("HoursGrid");
    const monday = weekStart(ago(14));
    const r1 = await saveWeek(trainee, {
      weekStart: monday,
      cells: [
        { traineePlacementId: tp, day: monday, category: "direct_individual", minutes: 120 },
        { traineePlacementId: tp, day: addDays(monday, 1), category: "indirect_notes", minutes: 30 },
        { traineePlacementId: tp, day: addDays(monday, 2), category: "direct_group", minutes: 0 },
      ],
    });
    expect(r1).toEqual({ created: 2, updated: 0, removed: 0 });
    const r2 = await saveWeek(trainee, {
      weekStart: monday,
      cells: [
        { traineePlacementId: tp, day: monday, category: "direct_individual", minutes: 90 },
        { traineePlacementId: tp, day: addDays(monday, 1), category: "indirect_notes", minutes: 0 },
      ],
    });
    expect(r2).toEqual({ created: 0, updated: 1, removed: 1 });
    const week = await getWeek(trainee, monday);
    expect(week.drafts).toEqual({ [`${tp}|${monday}|direct_individual`]: 90 });
    // Next week offers last week's hours to copy.
    expect((await getWeek(trainee, addDays(monday, 7))).lastWeek).toEqual({ [`${tp}|${addDays(monday, 7)}|direct_individual`]: 90 });
    await expect(saveWeek(trainee, { weekStart: addDays(monday, 1), cells: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveWeek(trainee, { weekStart: monday, cells: [{ traineePlacementId: tp, day: monday, category: "direct_group", minutes: 1441 }] })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("approval", () => {
  it("approves a whole week atomically under a typed-name signature, or nothing when one entry changed", async () => {
    const { org, tp, trainee, supervisor } = await placed("HoursWeek");
    const ids = [];
    for (const [d, m] of [[3, 60], [4, 45], [5, 30]] as const) ids.push((await createEntry(trainee, { traineePlacementId: tp, occurredOn: ago(d), minutes: m, category: "direct_individual", note: "" })).id);
    await submitEntries(trainee, { ids });
    const queue = (await listApprovalQueue(supervisor)).entries;
    expect(queue.map((q) => q.id).sort()).toEqual([...ids].sort());
    const refs = queue.map((q) => ({ id: q.id, version: q.version }));

    // A stale version for one entry: nothing is approved.
    await expect(approveEntries(supervisor, { entries: refs.map((r, i) => (i === 0 ? { ...r, version: r.version + 5 } : r)), attestation: org.supervisor.name })).rejects.toBeInstanceOf(ConflictError);
    // A wrong signature: nothing is approved.
    await expect(approveEntries(supervisor, { entries: refs, attestation: "Somebody Else" })).rejects.toMatchObject({ fieldErrors: { attestation: [expect.stringMatching(/Type your name/)] } });
    for (const id of ids) expect((await entryRow(id)).status).toBe("submitted");
    const db = await getDb();
    expect((await db.select().from(hourApprovals).where(eq(hourApprovals.organisationId, org.orgId))).length).toBe(0);

    const done = await approveEntries(supervisor, { entries: refs, attestation: `  ${org.supervisor.name.toUpperCase()} ` });
    expect(done.approved).toBe(3);
    const [approval] = await db.select().from(hourApprovals).where(eq(hourApprovals.id, done.approvalId));
    expect(approval).toMatchObject({ supervisorMembershipId: org.supervisor.membershipId, entryCount: 3, minutes: 135, via: "review" });
    for (const id of ids) expect(await entryRow(id)).toMatchObject({ status: "approved", approvalId: done.approvalId });
    expect((await listApprovalQueue(supervisor)).entries).toEqual([]);
  });

  it("returns entries with a reason; the trainee fixes and resubmits them", async () => {
    const { tp, trainee, supervisor, org } = await placed("HoursReturn");
    const e = await createEntry(trainee, { traineePlacementId: tp, occurredOn: ago(2), minutes: 60, category: "direct_group", note: "" });
    await submitEntries(trainee, { ids: [e.id] });
    const [q] = (await listApprovalQueue(supervisor)).entries;
    await returnEntries(supervisor, { entries: [{ id: q.id, version: q.version }], reason: "This was individual, not group." });
    const returned = await entryRow(e.id);
    expect(returned).toMatchObject({ status: "returned", returnReason: "This was individual, not group.", returnedByMembershipId: org.supervisor.membershipId });
    await updateEntry(trainee, { id: e.id, version: returned.version, traineePlacementId: tp, occurredOn: ago(2), minutes: 60, category: "direct_individual", note: "" });
    await submitEntries(trainee, { ids: [e.id] });
    expect(await entryRow(e.id)).toMatchObject({ status: "submitted", category: "direct_individual" });
  });

  it("two supervisors approving the same entry at once: exactly one wins", async () => {
    const org = await createOrg("HoursRace");
    const { traineePlacementId } = await placeTrainee(org.orgId, org.trainee, [org.supervisor, org.otherSupervisor]);
    const e = await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "submitted" });
    const results = await Promise.allSettled([
      approveEntries(ctxOf(org, org.supervisor), { entries: [{ id: e.id, version: e.version }], attestation: org.supervisor.name }),
      approveEntries(ctxOf(org, org.otherSupervisor), { entries: [{ id: e.id, version: e.version }], attestation: org.otherSupervisor.name }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(ConflictError);
    const db = await getDb();
    expect(await db.select().from(hourApprovals).where(eq(hourApprovals.organisationId, org.orgId))).toHaveLength(1);
    expect((await entryRow(e.id)).version).toBe(e.version + 1);
  });

  it("only the placement's site supervisors may decide its entries", async () => {
    const { org, tp } = await placed("HoursWho");
    const e = await insertEntry(org.orgId, org.trainee, tp, { status: "submitted" });
    const ref = [{ id: e.id, version: e.version }];
    await expect(approveEntries(ctxOf(org, org.otherSupervisor), { entries: ref, attestation: org.otherSupervisor.name })).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveEntries(ctxOf(org, org.admin), { entries: ref, attestation: org.admin.name })).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveEntries(ctxOf(org, org.trainee), { entries: ref, attestation: org.trainee.name })).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("HoursWhoB");
    await expect(approveEntries(ctxOf(other, other.supervisor), { entries: ref, attestation: other.supervisor.name })).rejects.toBeInstanceOf(NotFoundError);
    expect((await entryRow(e.id)).status).toBe("submitted");
  });
});

describe("an approved entry", () => {
  it("is locked: the data layer refuses a change and the database refuses an UPDATE", async () => {
    const { org, tp, trainee } = await placed("HoursLocked");
    const e = await insertEntry(org.orgId, org.trainee, tp, { status: "approved", approver: org.supervisor, minutes: 60 });
    await expect(updateEntry(trainee, { id: e.id, version: e.version, traineePlacementId: tp, occurredOn: ago(1), minutes: 600, category: "direct_individual", note: "" })).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteEntry(trainee, { id: e.id, version: e.version })).rejects.toBeInstanceOf(ConflictError);
    await expect(submitEntries(trainee, { ids: [e.id] })).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    await expect(db.update(hourEntries).set({ minutes: 600 }).where(eq(hourEntries.id, e.id))).rejects.toThrow();
    expect((await entryRow(e.id)).minutes).toBe(60);
  });

  it("is corrected by a new entry pointing at it; both are kept and only the correction counts once approved", async () => {
    const { org, tp, trainee, supervisor } = await placed("HoursCorrect");
    const e = await insertEntry(org.orgId, org.trainee, tp, { status: "approved", approver: org.supervisor, minutes: 120, category: "direct_individual" });
    const fix = await correctEntry(trainee, { correctsId: e.id, traineePlacementId: tp, occurredOn: e.occurredOn, minutes: 90, category: "direct_individual", note: "It was an hour and a half." });
    await expect(correctEntry(trainee, { correctsId: e.id, traineePlacementId: tp, occurredOn: e.occurredOn, minutes: 60, category: "direct_individual", note: "Again." })).rejects.toBeInstanceOf(ConflictError);
    // Until the correction is approved, the original counts.
    let totals = (await getTraineeProgress(trainee, org.trainee.membershipId)).totals;
    expect(totals.direct_individual).toMatchObject({ approved: 120, draft: 90 });
    await submitEntries(trainee, { ids: [fix.id] });
    const [q] = (await listApprovalQueue(supervisor)).entries;
    expect(q.correctsEntryId).toBe(e.id);
    await approveEntries(supervisor, { entries: [{ id: q.id, version: q.version }], attestation: org.supervisor.name });
    totals = (await getTraineeProgress(trainee, org.trainee.membershipId)).totals;
    expect(totals.direct_individual.approved).toBe(90);
    const { entry } = await getEntry(trainee, e.id);
    expect(entry).toMatchObject({ status: "approved", supersededBy: fix.id, correctionId: fix.id });
    expect((await entryRow(e.id)).minutes).toBe(120);
  });
});

describe("progress against a requirement set", () => {
  it("matches hand-computed totals for a trainee with hours in every category and every state", async () => {
    const { org, tp, trainee } = await placed("HoursProgress");
    await adoptSet(org.orgId, "pacfa-training-2026");
    const sup = org.supervisor;
    // Approved: 30 + 60 + 90 … minutes across the nine categories (i + 1) * 30.
    const approvedBy: Partial<Record<CategoryCode, number>> = {};
    for (const [i, c] of CATEGORY_CODES.entries()) {
      const m = (i + 1) * 30;
      await insertEntry(org.orgId, org.trainee, tp, { status: "approved", approver: sup, category: c, minutes: m, day: ago(10 + i) });
      approvedBy[c] = m;
    }
    await insertEntry(org.orgId, org.trainee, tp, { status: "submitted", category: "direct_individual", minutes: 45 });
    await insertEntry(org.orgId, org.trainee, tp, { status: "returned", category: "direct_group", minutes: 20 });
    await insertEntry(org.orgId, org.trainee, tp, { status: "draft", category: "supervision_group", minutes: 15 });
    // Another trainee's hours never count.
    const other = await placeTrainee(org.orgId, org.otherTrainee, [sup]);
    await insertEntry(org.orgId, org.otherTrainee, other.traineePlacementId, { status: "approved", approver: sup, category: "direct_individual", minutes: 600 });

    const p = await getTraineeProgress(trainee, org.trainee.membershipId);
    for (const c of CATEGORY_CODES) expect(p.totals[c].approved, c).toBe(approvedBy[c]);
    expect(p.totals.direct_individual.submitted).toBe(45);
    expect(p.totals.direct_group.returned).toBe(20);
    expect(p.totals.supervision_group.draft).toBe(15);
    const [set] = p.sets;
    // Direct: 30 + 60 + 90 = 180 of 2,400; supervision: 210 + 240 = 450 of 600.
    expect(set.evaluation.lines.map((l) => [l.approved, l.required, l.pending, l.returned, l.remaining])).toEqual([
      [180, 2400, 45, 20, 2220],
      [450, 600, 0, 0, 150],
    ]);
    // 180 minutes of contact calls for 45 of supervision (1 per 4): met.
    expect(set.evaluation.ratio).toMatchObject({ contactApproved: 180, supervisionApproved: 450, supervisionRequired: 45, met: true });
    expect(set.evaluation.complete).toBe(false);
  });
});

describe("importing a spreadsheet", () => {
  it("adds the valid rows once: importing the same file again adds nothing", async () => {
    const { org, trainee } = await placed("HoursImport");
    const csv = ["date,duration,category,note", `${ago(3)},1:00,direct_individual,`, `${ago(3)},1:00,direct_individual,`, `${ago(2)},0:30,Case notes,`, `${ago(2)},lots,direct_group,`].join("\n");
    const read = readHoursCsv(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.error);
    const preview = await previewHoursImport(trainee, read.rows);
    expect(preview.map((r) => r.status)).toEqual(["ready", "ready", "ready", "error"]);
    const first = await importHours(trainee, read.rows);
    expect(first.map((r) => r.outcome)).toEqual(["added", "added", "added", "error"]);
    const second = await importHours(trainee, read.rows);
    expect(second.map((r) => r.outcome)).toEqual(["skipped", "skipped", "skipped", "error"]);
    expect((await previewHoursImport(trainee, read.rows)).map((r) => r.status)).toEqual(["skip", "skip", "skip", "error"]);
    const rows = await (await getDb()).select().from(hourEntries).where(eq(hourEntries.organisationId, org.orgId));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.status === "draft" && r.createdVia === "import")).toBe(true);
  });
});

describe("who sees which hours", () => {
  it("trainees see their own, supervisors their placements, admins everyone; other organisations nothing", async () => {
    const { org, tp } = await placed("HoursAccess");
    const e = await insertEntry(org.orgId, org.trainee, tp, { status: "submitted" });
    // A second placement supervised by someone else.
    const second = await placeTrainee(org.orgId, org.trainee, [org.otherSupervisor]);
    const hidden = await insertEntry(org.orgId, org.trainee, second.traineePlacementId, { status: "submitted", minutes: 240 });
    const ids = async (ctx: ReturnType<typeof ctxOf>) => (await listEntries(ctx, org.trainee.membershipId)).rows.map((r) => r.id).sort();
    expect(await ids(ctxOf(org, org.trainee))).toEqual([e.id, hidden.id].sort());
    expect(await ids(ctxOf(org, org.admin))).toEqual([e.id, hidden.id].sort());
    expect(await ids(ctxOf(org, org.supervisor))).toEqual([e.id]);
    await expect(getEntry(ctxOf(org, org.supervisor), hidden.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getTraineeProgress(ctxOf(org, org.supervisor), org.trainee.membershipId)).totals.direct_individual.submitted).toBe(60);
    // Another trainee of the same organisation: nothing.
    await expect(listEntries(ctxOf(org, org.otherTrainee), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEntry(ctxOf(org, org.otherTrainee), e.id)).rejects.toBeInstanceOf(NotFoundError);
    // A supervisor with no link to the trainee: nothing.
    const stranger = await createUser(`Stranger ${uid()}`);
    const m = await addMember(org.orgId, stranger.id, "supervisor");
    const strangerCtx = ctxOf(org, { userId: stranger.id, membershipId: m.id, email: stranger.email, name: stranger.name, role: "supervisor" });
    await expect(listEntries(strangerCtx, org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    // Another organisation, every role: nothing.
    const b: TestOrg = await createOrg("HoursAccessB");
    for (const person of [b.trainee, b.supervisor, b.admin]) {
      await expect(listEntries(ctxOf(b, person), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getEntry(ctxOf(b, person), e.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getTraineeProgress(ctxOf(b, person), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
