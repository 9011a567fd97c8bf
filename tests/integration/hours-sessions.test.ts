import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { hourEntries, notifications, supervisions, traineePlacements } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { addDays, today } from "@/lib/hours/days";
import { listEntries } from "@/lib/hours/ledger";
import { runHoursReminders } from "@/lib/hours/reminders";
import { getSession, listSessionChoices, listSessions, recordSession, updateSession } from "@/lib/hours/sessions";
import { getSummaryForDownload, issueSummary, verifySummary } from "@/lib/hours/summaries";
import { adoptStandard, copySet, updateSet } from "@/lib/hours/requirement-sets";
import { getHoursReport } from "@/lib/reports/hours";
import { getSupervisionActivity } from "@/lib/reports/supervision";
import { makeCase } from "../fixtures/cases-db";
import { createOrg, uid } from "../fixtures/factory";
import { insertEntry, placeTrainee } from "../fixtures/hours";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

// Supervision sessions, signed summaries, reminders and the reports, on both databases.

const ago = (n: number) => addDays(today(), -n);

describe("supervision sessions", () => {
  it("attendance puts approved supervision hours in each attendee's ledger; each sees only their own cases", async () => {
    const org = await createOrg("Sessions");
    const db = await getDb();
    // The other trainee is supervised too (case supervision), so both may attend.
    await db.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.supervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId });
    const aCase = await makeCase(org, "submitted");
    const sup = ctxOf(org, org.supervisor);
    const choices = await listSessionChoices(sup);
    expect(choices.map((c) => c.membershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    expect(choices.find((c) => c.membershipId === org.trainee.membershipId)?.cases.map((c) => c.id)).toEqual([aCase.caseId]);
    const requestId = randomUUID();
    const input = { requestId, occurredOn: ago(1), minutes: 90, kind: "group" as const, attendees: [org.trainee.membershipId, org.otherTrainee.membershipId], agenda: "Withdrawal ruptures.", notes: "Both engaged.", notesShared: false, caseIds: [aCase.caseId] };
    const { id } = await recordSession(sup, input);
    // Retried with the same request id: the same session, nothing twice.
    expect(await recordSession(sup, input)).toEqual({ id });
    for (const t of [org.trainee, org.otherTrainee]) {
      const rows = (await listEntries(ctxOf(org, t), t.membershipId)).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ sessionId: id, status: "approved", minutes: 90, category: "supervision_group", approvedBy: org.supervisor.name });
    }
    const asTrainee = await getSession(ctxOf(org, org.trainee), id);
    expect(asTrainee).toMatchObject({ agenda: "Withdrawal ruptures.", notes: null, attendeeCount: 2, canEdit: false });
    expect(asTrainee.cases.map((c) => c.id)).toEqual([aCase.caseId]);
    expect(asTrainee.attendees.map((a) => a.membershipId)).toEqual([org.trainee.membershipId]);
    const asOther = await getSession(ctxOf(org, org.otherTrainee), id);
    expect(asOther.cases).toEqual([]); // never another trainee's case
    const asAdmin = await getSession(ctxOf(org, org.admin), id);
    expect(asAdmin).toMatchObject({ agenda: null, notes: null, cases: [] });
    // Sharing the notes lets the attendees read them.
    const s = await getSession(sup, id);
    await updateSession(sup, { id, version: s.session.version, agenda: s.agenda!, notes: "Both engaged well.", notesShared: true, caseIds: [] });
    expect((await getSession(ctxOf(org, org.trainee), id)).notes).toBe("Both engaged well.");
    expect((await listSessions(ctxOf(org, org.trainee))).rows.map((r) => r.id)).toEqual([id]);
    const told = await db.select().from(notifications).where(and(eq(notifications.kind, "session_recorded"), eq(notifications.subjectId, id)));
    expect(told).toHaveLength(2);
    // The supervision report counts the session.
    const activity = await getSupervisionActivity(ctxOf(org, org.admin));
    expect(activity.find((r) => r.membershipId === org.supervisor.membershipId)).toMatchObject({ sessions: 1, sessionMinutes: 90 });
  });

  it("refuses trainees the supervisor doesn't supervise, other trainees' cases, and strangers", async () => {
    const org = await createOrg("SessionsNo");
    const sup = ctxOf(org, org.supervisor);
    const base = { occurredOn: ago(1), minutes: 60, kind: "individual" as const, agenda: "", notes: "", notesShared: false, caseIds: [] as string[] };
    await expect(recordSession(sup, { ...base, requestId: randomUUID(), attendees: [org.otherTrainee.membershipId] })).rejects.toBeInstanceOf(ValidationError);
    // A case of a trainee who didn't attend (supervised by someone else) can't be linked.
    const db0 = await getDb();
    await db0.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId });
    const otherCase = await makeCase({ ...org, trainee: org.otherTrainee, supervisor: org.otherSupervisor }, "submitted");
    await expect(recordSession(sup, { ...base, requestId: randomUUID(), attendees: [org.trainee.membershipId], caseIds: [otherCase.caseId] })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordSession(sup, { ...base, requestId: randomUUID(), occurredOn: addDays(today(), 1), attendees: [org.trainee.membershipId] })).rejects.toBeInstanceOf(ValidationError);
    const db = await getDb();
    expect(await db.select().from(hourEntries).where(eq(hourEntries.organisationId, org.orgId))).toEqual([]);
    const { id } = await recordSession(sup, { ...base, requestId: randomUUID(), attendees: [org.trainee.membershipId] });
    await expect(getSession(ctxOf(org, org.otherTrainee), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSession(ctxOf(org, org.otherSupervisor), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSession(ctxOf(org, org.otherSupervisor), { id, version: 0, agenda: "", notes: "", notesShared: true, caseIds: [] })).rejects.toBeInstanceOf(NotFoundError);
    const b = await createOrg("SessionsNoB");
    for (const p of [b.trainee, b.supervisor, b.admin]) await expect(getSession(ctxOf(b, p), id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("signed summaries", () => {
  it("freeze the approved hours and their signers under a serial that verifies publicly", async () => {
    const org = await createOrg("Summary");
    const { traineePlacementId } = await placeTrainee(org.orgId, org.trainee, [org.supervisor], { siteName: `Harbour Clinic ${uid()}` });
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "approved", approver: org.supervisor, minutes: 120, category: "direct_individual", day: ago(5) });
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "approved", approver: org.supervisor, minutes: 60, category: "supervision_individual", day: ago(4) });
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "submitted", minutes: 600, day: ago(3) });
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "approved", approver: org.supervisor, minutes: 999, day: ago(400) }); // outside the period
    const trainee = ctxOf(org, org.trainee);
    const { serial } = await issueSummary(trainee, { traineeMembershipId: org.trainee.membershipId, traineePlacementId: "", from: ago(30), to: today() });
    const s = await getSummaryForDownload(trainee, serial);
    expect(s.snapshot.totals).toEqual([
      { category: "direct_individual", minutes: 120 },
      { category: "supervision_individual", minutes: 60 },
    ]);
    expect(s.snapshot.totalMinutes).toBe(180);
    expect(s.snapshot.approvals).toHaveLength(2);
    expect(s.snapshot.approvals.every((a) => a.supervisorName === org.supervisor.name)).toBe(true);
    expect((await verifySummary(serial))?.totalMinutes).toBe(180);
    expect(await verifySummary("RAP-0000-0000-0000-0000")).toBeNull();
    // A supervisor summarises only a placement they supervise; others can't download it.
    const sup = ctxOf(org, org.supervisor);
    await expect(issueSummary(sup, { traineeMembershipId: org.trainee.membershipId, traineePlacementId: "", from: ago(30), to: today() })).rejects.toBeInstanceOf(ValidationError);
    const bySup = await issueSummary(sup, { traineeMembershipId: org.trainee.membershipId, traineePlacementId, from: ago(30), to: today() });
    expect((await getSummaryForDownload(trainee, bySup.serial)).snapshot.placementName).toMatch(/Harbour Clinic/);
    await expect(getSummaryForDownload(ctxOf(org, org.otherSupervisor), serial)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSummaryForDownload(ctxOf(org, org.otherTrainee), serial)).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueSummary(ctxOf(org, org.otherTrainee), { traineeMembershipId: org.trainee.membershipId, traineePlacementId: "", from: ago(30), to: today() })).rejects.toBeInstanceOf(NotFoundError);
    const b = await createOrg("SummaryB");
    await expect(getSummaryForDownload(ctxOf(b, b.admin), serial)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reminders", () => {
  it("nudge a quiet trainee and a supervisor with week-old entries once per week, however often they run", async () => {
    const org = await createOrg("HoursNudge");
    const db = await getDb();
    const { traineePlacementId } = await placeTrainee(org.orgId, org.trainee, [org.supervisor]);
    // Placed three weeks ago, nothing logged since; an entry waiting eight days for the supervisor.
    await db.update(traineePlacements).set({ createdAt: new Date(Date.now() - 21 * 86_400_000) }).where(eq(traineePlacements.id, traineePlacementId));
    const waiting = await insertEntry(org.orgId, org.otherTrainee, (await placeTrainee(org.orgId, org.otherTrainee, [org.supervisor])).traineePlacementId, { status: "submitted" });
    await db.update(hourEntries).set({ submittedAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(hourEntries.id, waiting.id));
    await runHoursReminders();
    await runHoursReminders();
    const mine = (who: string, kind: string) => db.select().from(notifications).where(and(eq(notifications.recipientMembershipId, who), eq(notifications.kind, kind)));
    expect(await mine(org.trainee.membershipId, "hours_not_logged")).toHaveLength(1);
    const toSup = await mine(org.supervisor.membershipId, "hours_waiting");
    expect(toSup).toHaveLength(1);
    expect(toSup[0].title).toMatch(/^1 hour entry has waited more than a week/);
    // The other trainee logged recently (their waiting entry): no nudge.
    expect(await mine(org.otherTrainee.membershipId, "hours_not_logged")).toHaveLength(0);
  });
});

describe("requirement sets and the cohort report", () => {
  it("an admin adopts a published set, copies and edits it; the report measures every trainee against it", async () => {
    const org = await createOrg("HoursReport");
    const admin = ctxOf(org, org.admin);
    const { id } = await adoptStandard(admin, "cacrep-practicum-2024");
    await expect(adoptStandard(admin, "cacrep-practicum-2024")).rejects.toThrow(/already uses this set/);
    const copy = await copySet(admin, id);
    await updateSet(admin, { id: copy.id, version: 0, name: `Our practicum ${uid()}`, description: "", source: "Our handbook, 2027.", active: true, lines: [{ label: "Direct", hours: 2, categories: ["direct_individual"] }], ratioPer: "", windowFrom: "", windowTo: "", windowMonths: "" });
    await expect(updateSet(admin, { id: copy.id, version: 0, name: "Stale", description: "", source: "", active: true, lines: [], ratioPer: 4, windowMonths: "" })).rejects.toThrow(/changed this set/);
    const { traineePlacementId } = await placeTrainee(org.orgId, org.trainee, [org.supervisor]);
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "approved", approver: org.supervisor, minutes: 150, category: "direct_individual" });
    await insertEntry(org.orgId, org.trainee, traineePlacementId, { status: "submitted", minutes: 30, category: "indirect_notes" });
    const report = await getHoursReport(admin, { setId: copy.id });
    expect(report.set?.id).toBe(copy.id);
    const row = report.rows.find((r) => r.membershipId === org.trainee.membershipId)!;
    expect(row.evaluation.lines[0]).toMatchObject({ approved: 150, required: 120, met: true });
    expect(row).toMatchObject({ pendingMinutes: 30, approvedMinutes: 150 });
    expect(row.evaluation.complete).toBe(true);
    const other = report.rows.find((r) => r.membershipId === org.otherTrainee.membershipId)!;
    expect(other.evaluation.complete).toBe(false);
    await expect(getHoursReport(ctxOf(org, org.supervisor), {})).rejects.toBeInstanceOf(NotFoundError);
    const b = await createOrg("HoursReportB");
    expect((await getHoursReport(ctxOf(b, b.admin), {})).rows.map((r) => r.membershipId)).not.toContain(org.trainee.membershipId);
  });
});
