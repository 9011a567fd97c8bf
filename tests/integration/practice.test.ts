import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, hourEntries, notifications, practiceAttempts, practiceDrillVersions, practiceRecordings, practiceSettings } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { assignDrill, listAssignmentTargets, listMyAssignments } from "@/lib/practice/assignments";
import { getAttempt, getRecording, listAttemptsOnDrill, submitSpokenResponse, submitTypedResponse } from "@/lib/practice/attempts";
import { getChecklistWithPractice } from "@/lib/practice/checklist";
import { createDrill, getDrill, saveDrill, setDrillArchived } from "@/lib/practice/drills";
import { rateAttempt } from "@/lib/practice/feedback";
import { logPracticeHours } from "@/lib/practice/hours";
import { getPracticeLog, getPracticeOverview, suggestDrills } from "@/lib/practice/log";
import { purgeExpiredRecordings, setRetention } from "@/lib/practice/retention";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { cohortWith } from "../fixtures/evaluations";
import { placeTrainee } from "../fixtures/hours";
import { SVG_WITH_SCRIPT } from "../fixtures/images";
import { TINY_WEBM, TINY_WEBM_VIDEO } from "../fixtures/media";
import { attachClip, getClip, removeClip } from "@/lib/practice/clips";
import { CLIP_MAX_BYTES } from "@/lib/practice/media-sniff";
import { DRILL_CONTENT, insertAttempt, insertDrill, mediaPath } from "../fixtures/practice";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const DAY = 86_400_000;
const fields = (over: Partial<Record<string, unknown>> = {}) => ({
  ...DRILL_CONTENT,
  markers: [...DRILL_CONTENT.markers],
  clientLines: [...DRILL_CONTENT.clientLines],
  suggestedStrategies: [...DRILL_CONTENT.suggestedStrategies],
  pitfalls: [...DRILL_CONTENT.pitfalls],
  difficulty: 2 as const,
  ...over,
});
const rating = (attemptId: string, score = 4) => ({ attemptId, strategies: ["r_invite_feelings" as const], attunement: score, nonDefensiveness: score, invitation: score, comment: "Good opening." });
const webm = () => new Blob([new Uint8Array(TINY_WEBM)], { type: "audio/webm" });

async function withDrill(label: string) {
  const org = await createOrg(label);
  const admin = ctxOf(org, org.admin);
  const { id } = await createDrill(admin, fields() as never);
  return { org, admin, drillId: id, trainee: ctxOf(org, org.trainee), supervisor: ctxOf(org, org.supervisor) };
}

async function expectNotFound(p: Promise<unknown>) {
  await expect(p).rejects.toBeInstanceOf(NotFoundError);
}

describe("responses are the trainee's own and their supervisors'", () => {
  it("stores a typed and a spoken response, checks the audio by its bytes, and lets the trainee and supervisor play it", async () => {
    const { org, drillId, trainee, supervisor } = await withDrill("PracticeRespond");
    const typed = await submitTypedResponse(trainee, { drillKey: drillId, response: "It sounds like the homework felt like my idea more than yours.", secondsSpent: 240 });
    const spoken = await submitSpokenResponse(trainee, { drillKey: drillId, file: webm(), durationSeconds: 12, secondsSpent: 180 });
    const db = await getDb();
    const [rec] = await db.select().from(practiceRecordings).where(eq(practiceRecordings.attemptId, spoken.id));
    expect(rec).toMatchObject({ contentType: "audio/webm", byteSize: TINY_WEBM.length, durationSeconds: 12 });
    expect(fs.existsSync(mediaPath(org.orgId, rec.file))).toBe(true);
    for (const who of [trainee, supervisor]) {
      const got = await getRecording(who, spoken.id);
      expect(got?.contentType).toBe("audio/webm");
      expect(Buffer.from(got!.bytes).equals(TINY_WEBM)).toBe(true);
    }
    const page = await getAttempt(supervisor, typed.id);
    expect(page).toMatchObject({ relation: { own: false, supervisor: true }, attemptsOnDrill: 2 });
    expect(page.drill?.title).toBe(DRILL_CONTENT.title);
    // The supervisor was asked for feedback on both, and each response was audited.
    const asked = await db.select().from(notifications).where(and(eq(notifications.recipientMembershipId, org.supervisor.membershipId), eq(notifications.kind, "practice_response")));
    expect(asked).toHaveLength(2);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "practice.response_submitted")));
    expect(audited).toHaveLength(2);
  });

  it("refuses an SVG with a script as a recording, saving nothing", async () => {
    const { org, drillId, trainee } = await withDrill("PracticeSvg");
    const svg = new Blob([new Uint8Array(SVG_WITH_SCRIPT)], { type: "audio/webm" });
    await expect(submitSpokenResponse(trainee, { drillKey: drillId, file: svg, durationSeconds: 3, secondsSpent: 10 })).rejects.toBeInstanceOf(ValidationError);
    const db = await getDb();
    expect(await db.select().from(practiceAttempts).where(eq(practiceAttempts.organisationId, org.orgId))).toHaveLength(0);
    expect(fs.existsSync(mediaPath(org.orgId, "recordings")) ? fs.readdirSync(mediaPath(org.orgId, "recordings")) : []).toEqual([]);
  });

  it("answers not-found to another organisation, an unassigned supervisor, another trainee and an admin", async () => {
    const a = await withDrill("PracticeScopeA");
    const b = await createOrg("PracticeScopeB");
    const spoken = await submitSpokenResponse(a.trainee, { drillKey: a.drillId, file: webm(), durationSeconds: 5, secondsSpent: 60 });
    const outsiders = [ctxOf(b, b.trainee), ctxOf(b, b.supervisor), ctxOf(a.org, a.org.otherSupervisor), ctxOf(a.org, a.org.otherTrainee)];
    for (const who of outsiders) {
      await expectNotFound(getAttempt(who, spoken.id));
      await expectNotFound(getRecording(who, spoken.id));
      await expectNotFound(listAttemptsOnDrill(who, a.org.trainee.membershipId, a.drillId));
      await expectNotFound(getPracticeLog(who, a.org.trainee.membershipId));
    }
    for (const sup of [ctxOf(b, b.supervisor), ctxOf(a.org, a.org.otherSupervisor)]) await expectNotFound(rateAttempt(sup, rating(spoken.id)));
    // Another organisation cannot even see A's own drill, nor answer it.
    await expectNotFound(getDrill(ctxOf(b, b.trainee), a.drillId));
    await expectNotFound(submitTypedResponse(ctxOf(b, b.trainee), { drillKey: a.drillId, response: "Trying to answer another organisation's drill.", secondsSpent: 0 }));
    // The admin sees counts, never a response.
    await expectNotFound(getAttempt(a.admin, spoken.id));
    await expectNotFound(getRecording(a.admin, spoken.id));
    expect(await getPracticeOverview(a.admin)).toMatchObject({ attempts: 1, spoken: 1, recordings: 1, trainees: 1 });
  });
});

describe("an organisation's own clip", () => {
  it("is checked by its bytes, played to the organisation's members only, and refused when it is SVG or too large", async () => {
    const { org, admin, drillId, trainee } = await withDrill("PracticeClip");
    const blob = (b: Buffer | Uint8Array, type = "video/webm") => new Blob([new Uint8Array(b)], { type });
    expect(await attachClip(admin, { drillId, file: blob(TINY_WEBM_VIDEO) })).toEqual({ type: "video/webm", bytes: TINY_WEBM_VIDEO.length });
    const got = await getClip(trainee, drillId);
    expect(got?.type).toBe("video/webm");
    expect((await getDrill(trainee, drillId)).clip).toEqual({ type: "video/webm", bytes: TINY_WEBM_VIDEO.length });
    const b = await createOrg("PracticeClipB");
    await expectNotFound(getClip(ctxOf(b, b.trainee), drillId));
    await expectNotFound(attachClip(ctxOf(b, b.admin), { drillId, file: blob(TINY_WEBM) }));

    await expect(attachClip(admin, { drillId, file: blob(SVG_WITH_SCRIPT, "image/svg+xml") })).rejects.toBeInstanceOf(ValidationError);
    await expect(attachClip(admin, { drillId, file: blob(new Uint8Array(CLIP_MAX_BYTES + 1)) })).rejects.toBeInstanceOf(ValidationError);
    // The refused uploads left the clip as it was, and wrote no file.
    expect((await getDrill(trainee, drillId)).clip?.type).toBe("video/webm");
    expect(fs.readdirSync(mediaPath(org.orgId, "clips"))).toHaveLength(1);
    expect(await removeClip(admin, { drillId })).toEqual({ removed: true });
    expect(await getClip(trainee, drillId)).toBeNull();
    expect(fs.readdirSync(mediaPath(org.orgId, "clips"))).toHaveLength(0);
  });
});

describe("feedback, retries and the practice log", () => {
  it("lets the supervisor rate a response once (rating again updates), and the log shows levels and feedback over time", async () => {
    const { org, drillId, trainee, supervisor } = await withDrill("PracticeFeedback");
    const first = await submitTypedResponse(trainee, { drillKey: drillId, response: "Why didn't you do the homework we agreed?", secondsSpent: 60 });
    expect(await rateAttempt(supervisor, rating(first.id, 2))).toMatchObject({ updated: false });
    const retry = await submitTypedResponse(trainee, { drillKey: drillId, response: "It sounds like the boxes felt like my idea. Tell me about that.", secondsSpent: 90 });
    expect(await rateAttempt(supervisor, rating(retry.id, 4))).toMatchObject({ updated: false });
    expect(await rateAttempt(supervisor, { ...rating(retry.id, 5), comment: "Better still on reflection." })).toMatchObject({ updated: true });
    // A trainee cannot rate, not even their own response.
    await expectNotFound(rateAttempt(ctxOf(org, { ...org.trainee, role: "supervisor" }), rating(retry.id)));

    const { attempts } = await listAttemptsOnDrill(trainee, org.trainee.membershipId, drillId);
    expect(attempts.map((a) => a.feedback.map((f) => f.attunement))).toEqual([[2], [5]]);
    const log = await getPracticeLog(trainee, org.trainee.membershipId);
    expect(log.drills).toEqual([expect.objectContaining({ drillKey: drillId, attempts: 2, best: 5 })]);
    expect(log.levels.find((l) => l.marker === "c_about_activities")?.level).toBe(2);
    expect(log.levels.find((l) => l.marker === "w_minimal")?.level).toBe(0);
    expect(log.feedback.map((f) => f.mean)).toEqual([2, 5]);
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.recipientMembershipId, org.trainee.membershipId), eq(notifications.kind, "practice_feedback")));
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it("suggests drills sharing the case's markers, for the trainee's next level", async () => {
    const { org, admin, trainee, supervisor, drillId } = await withDrill("PracticeSuggest");
    const easy = await createDrill(admin, fields({ title: "An easier one", difficulty: 1 }) as never);
    const hard = await createDrill(admin, fields({ title: "A harder one", difficulty: 3 }) as never);
    await createDrill(admin, fields({ title: "Another marker", ruptureType: "withdrawal", markers: ["w_minimal"], difficulty: 2 }) as never);
    const before = await suggestDrills(trainee, ["c_about_activities"], 100);
    expect(before.target).toBe(1);
    expect(before.suggestions.map((s) => s.drill.key).filter((k) => [easy.id, drillId, hard.id].includes(k))).toEqual([easy.id, drillId, hard.id]);
    expect(before.suggestions.some((s) => s.drill.title === "Another marker")).toBe(false);
    // Rated 4 on the level-2 drill: level 2 reached, so level 3 comes first now.
    const a = await submitTypedResponse(trainee, { drillKey: drillId, response: "I'm wondering whether the homework felt imposed.", secondsSpent: 60 });
    await rateAttempt(supervisor, rating(a.id, 4));
    const after = await suggestDrills(trainee, ["c_about_activities"], 100);
    expect(after.target).toBe(3);
    expect(after.suggestions.map((s) => s.drill.key).filter((k) => [easy.id, drillId, hard.id].includes(k))[0]).toBe(hard.id);
    void org;
  });

  it("keeps the words an attempt answered when the drill gets a new version, and takes no responses once archived", async () => {
    const { org, admin, drillId, trainee } = await withDrill("PracticeVersions");
    const first = await submitTypedResponse(trainee, { drillKey: drillId, response: "Responding to the first version of this drill.", secondsSpent: 30 });
    const drill = await getDrill(admin, drillId);
    const saved = await saveDrill(admin, { ...fields({ title: "The homework, revisited", clientLines: ["I still don't see the point."] }), drillId, version: 0 } as never);
    expect(saved).toMatchObject({ versionNumber: 2, changed: true });
    expect(await saveDrill(admin, { ...fields({ title: "The homework, revisited", clientLines: ["I still don't see the point."] }), drillId, version: saved.version } as never)).toMatchObject({ changed: false, versionNumber: 2 });
    await expect(saveDrill(admin, { ...fields(), drillId, version: 0 } as never)).rejects.toBeInstanceOf(ConflictError);
    const page = await getAttempt(trainee, first.id);
    expect(page.drill?.title).toBe(drill.title);
    expect(page.drill?.versionNumber).toBe(1);
    expect((await getDrill(trainee, drillId)).title).toBe("The homework, revisited");
    const db = await getDb();
    expect(await db.select().from(practiceDrillVersions).where(eq(practiceDrillVersions.drillId, drillId))).toHaveLength(2);
    await setDrillArchived(admin, { drillId, version: saved.version, archived: true });
    await expect(submitTypedResponse(trainee, { drillKey: drillId, response: "Responding to an archived drill.", secondsSpent: 1 })).rejects.toBeInstanceOf(ValidationError);
    void org;
  });

  it("logs practice time as a draft skills-practice entry through the hours ledger, once", async () => {
    const { org, drillId, trainee } = await withDrill("PracticeHours");
    const placed = await placeTrainee(org.orgId, org.trainee, [org.supervisor]);
    const a = await submitTypedResponse(trainee, { drillKey: drillId, response: "A response worth twenty minutes of practice.", secondsSpent: 1200 });
    const { entryId } = await logPracticeHours(trainee, { attemptId: a.id, traineePlacementId: placed.traineePlacementId, minutes: 20 });
    const db = await getDb();
    const [entry] = await db.select().from(hourEntries).where(eq(hourEntries.id, entryId));
    expect(entry).toMatchObject({ category: "skills_practice", status: "draft", minutes: 20, traineeMembershipId: org.trainee.membershipId });
    await expect(logPracticeHours(trainee, { attemptId: a.id, traineePlacementId: placed.traineePlacementId, minutes: 20 })).rejects.toBeInstanceOf(ConflictError);
    await expectNotFound(logPracticeHours(ctxOf(org, org.otherTrainee), { attemptId: a.id, traineePlacementId: placed.traineePlacementId, minutes: 20 }));
  });
});

describe("assigning drills", () => {
  async function cohortOrg(label: string) {
    const base = await withDrill(label);
    const cohort = await cohortWith(base.org.orgId, [base.org.trainee, base.org.otherTrainee], `Cohort ${label}`);
    return { ...base, cohort };
  }

  it("reaches only the cohort's trainees a supervisor supervises, and every trainee of it when an admin sets it", async () => {
    const { org, admin, supervisor, drillId, cohort } = await cohortOrg("PracticeCohort");
    const targets = await listAssignmentTargets(supervisor);
    expect(targets.trainees.map((t) => t.membershipId)).toEqual([org.trainee.membershipId]);
    expect(targets.cohorts).toEqual([{ id: cohort.id, name: cohort.name, trainees: 1 }]);
    const bySupervisor = await assignDrill(supervisor, { drillKey: drillId, target: "cohort", traineeMembershipId: "", cohortId: cohort.id, dueOn: "2030-06-30" });
    expect(bySupervisor.trainees).toBe(1);
    expect(await listMyAssignments(ctxOf(org, org.otherTrainee))).toEqual([]);
    const mine = await listMyAssignments(ctxOf(org, org.trainee));
    expect(mine).toEqual([expect.objectContaining({ drillKey: drillId, title: DRILL_CONTENT.title, dueOn: "2030-06-30", done: false })]);

    const byAdmin = await assignDrill(admin, { drillKey: drillId, target: "cohort", traineeMembershipId: "", cohortId: cohort.id, dueOn: null });
    expect(byAdmin.trainees).toBe(2);
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "drill_assigned")));
    expect(told.map((n) => n.recipientMembershipId).sort()).toEqual([org.trainee.membershipId, org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "practice.drill_assigned")));
    expect(audited).toHaveLength(2);
  });

  it("puts set drills on the trainee's checklist beside required modules, done once they respond", async () => {
    const { org, supervisor, drillId, trainee } = await cohortOrg("PracticeChecklist");
    await assignDrill(supervisor, { drillKey: drillId, target: "trainee", traineeMembershipId: org.trainee.membershipId, cohortId: "", dueOn: null });
    const before = await getChecklistWithPractice(trainee);
    expect(before.items.filter((i) => i.kind === "drill")).toEqual([expect.objectContaining({ label: DRILL_CONTENT.title, done: false, href: `/practice/drills/${drillId}` })]);
    await submitTypedResponse(trainee, { drillKey: drillId, response: "Answering the drill my supervisor set.", secondsSpent: 60 });
    const after = await getChecklistWithPractice(trainee);
    expect(after.items.find((i) => i.kind === "drill")?.done).toBe(true);
    expect(after.done).toBe(before.done + 1);
  });

  it("refuses a supervisor's cohort without trainees of theirs, another supervisor's trainee, and another organisation's cohort", async () => {
    const { org, supervisor, drillId } = await cohortOrg("PracticeAssignRefuse");
    const theirs = await cohortWith(org.orgId, [org.otherTrainee], "Not yours");
    await expect(assignDrill(supervisor, { drillKey: drillId, target: "cohort", traineeMembershipId: "", cohortId: theirs.id, dueOn: null })).rejects.toBeInstanceOf(ValidationError);
    await expectNotFound(assignDrill(supervisor, { drillKey: drillId, target: "trainee", traineeMembershipId: org.otherTrainee.membershipId, cohortId: "", dueOn: null }));
    const b: TestOrg = await createOrg("PracticeAssignB");
    const bCohort = await cohortWith(b.orgId, [b.trainee]);
    await expectNotFound(assignDrill(supervisor, { drillKey: drillId, target: "cohort", traineeMembershipId: "", cohortId: bCohort.id, dueOn: null }));
  });
});

describe("recording retention", () => {
  it("deletes an expired recording with its row and file, audits the deletion, and keeps a fresh one", async () => {
    const org = await createOrg("PracticeRetention");
    const drill = await insertDrill(org);
    const now = new Date();
    const old = await insertAttempt(org, org.trainee, drill, { spoken: true, recordedAt: new Date(now.getTime() - 91 * DAY) });
    const fresh = await insertAttempt(org, org.trainee, drill, { spoken: true, recordedAt: new Date(now.getTime() - 89 * DAY) });
    expect(fs.existsSync(mediaPath(org.orgId, old.file!))).toBe(true);

    expect(await purgeExpiredRecordings(await getDb(), now)).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    const rows = await db.select().from(practiceRecordings).where(eq(practiceRecordings.organisationId, org.orgId));
    expect(rows.map((r) => r.attemptId)).toEqual([fresh.attemptId]);
    expect(fs.existsSync(mediaPath(org.orgId, old.file!))).toBe(false);
    expect(fs.existsSync(mediaPath(org.orgId, fresh.file!))).toBe(true);
    // The response itself (and any feedback on it) stays; only the audio went.
    expect(await db.select().from(practiceAttempts).where(eq(practiceAttempts.id, old.attemptId))).toHaveLength(1);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "practice.recording_expired")));
    expect(events).toEqual([expect.objectContaining({ targetType: "practice_attempt", targetId: old.attemptId, actorUserId: null, outcome: "success" })]);
    expect(events[0].detail).toMatchObject({ retentionDays: 90 });
    // Nothing more to do: a second run deletes nothing.
    await purgeExpiredRecordings(db, now);
    expect(await db.select().from(practiceRecordings).where(eq(practiceRecordings.organisationId, org.orgId))).toHaveLength(1);
  });

  it("follows the organisation's own retention period, set by its admin", async () => {
    const org = await createOrg("PracticeRetentionSetting");
    const drill = await insertDrill(org);
    const now = new Date();
    const tenDays = await insertAttempt(org, org.trainee, drill, { spoken: true, recordedAt: new Date(now.getTime() - 10 * DAY) });
    await purgeExpiredRecordings(await getDb(), now);
    const db = await getDb();
    expect(await db.select().from(practiceRecordings).where(eq(practiceRecordings.organisationId, org.orgId))).toHaveLength(1);
    await setRetention(ctxOf(org, org.admin), { recordingRetentionDays: 7, version: 0 });
    await expect(setRetention(ctxOf(org, org.admin), { recordingRetentionDays: 5, version: 0 })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.select().from(practiceSettings).where(eq(practiceSettings.organisationId, org.orgId)))[0].recordingRetentionDays).toBe(7);
    await purgeExpiredRecordings(db, now);
    expect(await db.select().from(practiceRecordings).where(eq(practiceRecordings.organisationId, org.orgId))).toHaveLength(0);
    expect(fs.existsSync(mediaPath(org.orgId, tenDays.file!))).toBe(false);
    await expectNotFound(setRetention(ctxOf(org, org.supervisor), { recordingRetentionDays: 30, version: 1 }));
  });
});
