import { and, eq } from "drizzle-orm";
import { listInbox } from "@/lib/notifications/inbox";
import { setPreferences } from "@/lib/notifications/preferences";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, memberships, outbox, reflections, supervisions } from "@/db/schema";
import { addReflectionComment, listReflectionComments } from "@/lib/modules/reflection-comments";
import { curriculumModule } from "../fixtures/onboarding";
import { listCaseload } from "@/lib/cases/caseload";
import { createDraft } from "@/lib/cases/drafts";
import { getCase } from "@/lib/cases/queries";
import { listReviewQueue, listUrgentReviews } from "@/lib/cases/queue";
import { replyToComment } from "@/lib/cases/replies";
import { addComment } from "@/lib/cases/review";
import { acknowledgeRisk, listRiskReviews } from "@/lib/cases/risk-review";
import { submitCase } from "@/lib/cases/submit";
import { NO_SUPERVISOR } from "@/lib/cases/supervisors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { setSupervision } from "@/lib/orgs/supervision";
import { listUnreviewableCases, listUnsupervisedTrainees, setUnassignedPolicy } from "@/lib/orgs/unsupervised";
import { validCase } from "../fixtures/cases";
import { ctxFor, makeCase } from "../fixtures/cases-db";
import { createOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";

withDatabase();

const riskCase = () =>
  validCase({ risk: { level: "disclosed", kinds: ["suicide_self_harm"], told: ["supervisor"], toldWhen: "same_day", actionTaken: "Made a safety plan with the client and rang my supervisor after the session." } });

async function submitAs(org: Awaited<ReturnType<typeof createOrg>>, content = validCase()) {
  const trainee = ctxFor(org, org.trainee);
  const d = await createDraft(trainee, content, { requestId: crypto.randomUUID() });
  return submitCase(trainee, { caseId: d.caseId, version: d.version, content });
}

describe("no orphaned cases", () => {
  it("refuses to submit for a trainee nobody supervises, by default, keeping the draft", async () => {
    const org = await createOrg("Orphan");
    const db = await getDb();
    await db.delete(supervisions).where(eq(supervisions.organisationId, org.orgId));
    const trainee = ctxFor(org, org.trainee);
    const d = await createDraft(trainee, validCase(), { requestId: crypto.randomUUID() });
    await expect(submitCase(trainee, { caseId: d.caseId, version: d.version, content: validCase() })).rejects.toThrow(NO_SUPERVISOR);
    expect((await getCase(trainee, d.caseId)).status).toBe("draft");
    expect((await listUnsupervisedTrainees(ctxFor(org, org.admin))).map((t) => t.membershipId)).toContain(org.trainee.membershipId);
  });

  it("a deactivated supervisor counts as nobody, so the trainee is listed and the waiting case surfaces", async () => {
    const org = await createOrg("Deactivated");
    const s = await submitAs(org);
    const db = await getDb();
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, org.supervisor.membershipId));
    const admin = ctxFor(org, org.admin);
    expect((await listUnreviewableCases(admin)).map((c) => c.id)).toContain(s.caseId);
    // Assigning an active supervisor routes the waiting case to their queue.
    await setSupervision(admin, { supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.trainee.membershipId, assigned: true });
    expect((await listReviewQueue(ctxFor(org, org.otherSupervisor))).rows.map((r) => r.id)).toContain(s.caseId);
    expect((await listUnreviewableCases(admin)).map((c) => c.id)).not.toContain(s.caseId);
  });

  it("with the admin queue chosen, the submission goes through and waits, listed for admins", async () => {
    const org = await createOrg("AdminQueue");
    const db = await getDb();
    await db.delete(supervisions).where(eq(supervisions.organisationId, org.orgId));
    const admin = ctxFor(org, org.admin);
    await setUnassignedPolicy(admin, "admin_queue");
    const s = await submitAs(org);
    expect(s.unassigned).toBe(true);
    expect((await listUnreviewableCases(admin)).map((c) => c.id)).toEqual([s.caseId]);
    await expect(listUnreviewableCases(ctxFor(org, org.supervisor))).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("AdminQueueOther");
    expect(await listUnreviewableCases(ctxFor(other, other.admin))).toEqual([]);
  });
});

describe("the safety pathway", () => {
  it("a case with risk recorded is urgent: above the queue until a supervisor records seeing it", async () => {
    const org = await createOrg("Urgent");
    const plain = await submitAs(org);
    const risky = await submitAs(org, riskCase());
    expect(risky.urgent).toBe(true);
    const sup = ctxFor(org, org.supervisor);
    expect((await listUrgentReviews(sup)).map((r) => r.id)).toEqual([risky.caseId]);
    expect((await listReviewQueue(sup)).rows.map((r) => r.id)).toEqual([plain.caseId]);

    await expect(acknowledgeRisk(ctxFor(org, org.trainee), { caseId: risky.caseId, version: risky.version, followUp: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeRisk(ctxFor(org, org.admin), { caseId: risky.caseId, version: risky.version, followUp: "x" })).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("UrgentOther");
    await expect(acknowledgeRisk(ctxFor(other, other.supervisor), { caseId: risky.caseId, version: risky.version, followUp: "x" })).rejects.toBeInstanceOf(NotFoundError);

    await acknowledgeRisk(sup, { caseId: risky.caseId, version: risky.version, followUp: "Rang the trainee; the safety plan is in place." });
    await expect(acknowledgeRisk(sup, { caseId: risky.caseId, version: risky.version, followUp: "again" })).rejects.toBeInstanceOf(ConflictError);
    expect(await listUrgentReviews(sup)).toEqual([]);
    expect((await listReviewQueue(sup)).rows.map((r) => r.id).sort()).toEqual([plain.caseId, risky.caseId].sort());
    const seen = await listRiskReviews(ctxFor(org, org.trainee), risky.caseId);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ byName: org.supervisor.name, followUp: expect.stringContaining("safety plan") });
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "case.risk_acknowledged")));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].detail)).not.toContain("safety plan");
  });

  it("wording that suggests risk makes a case urgent even when the Risk section says none", async () => {
    const org = await createOrg("Suggested");
    const s = await submitAs(org, validCase({ whatHappened: "Near the end she said she had been saving up her tablets and wanted to end it all." }));
    expect(s.urgent).toBe(true);
    expect((await listUrgentReviews(ctxFor(org, org.supervisor))).map((r) => r.id)).toEqual([s.caseId]);
    const calm = await submitAs(org, validCase({ whatHappened: "He said the rupture nearly killed our momentum, and we laughed about the risk of another one." }));
    expect(calm.urgent).toBe(false);
  });

  it("requires who was told, when and what was done once a risk is recorded", async () => {
    const { caseSubmitContent } = await import("@/lib/cases/schemas");
    const r = caseSubmitContent.safeParse(validCase({ risk: { level: "suspected", kinds: [], told: [] } }));
    expect(r.success).toBe(false);
    const paths = (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["risk.kinds", "risk.told", "risk.toldWhen", "risk.actionTaken"]));
    expect(caseSubmitContent.safeParse(validCase({ risk: undefined as never })).success).toBe(false);
    expect(caseSubmitContent.safeParse(riskCase()).success).toBe(true);
  });
});

describe("review continuity", () => {
  it("trainee and supervisor reply in a comment's thread; others cannot; replies don't nest", async () => {
    const org = await createOrg("Threads");
    const s = await makeCase(org, "submitted");
    const sup = ctxFor(org, org.supervisor);
    const c = await addComment(sup, { caseId: s.caseId, focus: "intervention", body: "Try naming the pull to explain." });
    const trainee = ctxFor(org, org.trainee);
    const reply = await replyToComment(trainee, { caseId: s.caseId, parentId: c.id, body: "I noticed it; I'll try that next session." });
    await replyToComment(sup, { caseId: s.caseId, parentId: c.id, body: "Good: tell me how it goes." });
    await expect(replyToComment(trainee, { caseId: s.caseId, parentId: reply.id, body: "nested" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToComment(ctxFor(org, org.admin), { caseId: s.caseId, parentId: c.id, body: "admin" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToComment(ctxFor(org, org.otherSupervisor), { caseId: s.caseId, parentId: c.id, body: "other" })).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("ThreadsOther");
    await expect(replyToComment(ctxFor(other, other.trainee), { caseId: s.caseId, parentId: c.id, body: "outsider" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToComment(trainee, { caseId: s.caseId, parentId: c.id, body: "Ask Jane Fairweather about it." })).rejects.toBeInstanceOf(ValidationError);
    const view = await getCase(trainee, s.caseId);
    if (view.level !== "full") throw new Error("full view expected");
    expect(view.comments.filter((x) => x.parentId === c.id).map((x) => x.authorName)).toEqual([org.trainee.name, org.supervisor.name]);
  });
});

describe("a supervisor's caseload", () => {
  it("lists every non-draft case of their trainees, filterable, and nobody else's", async () => {
    const org = await createOrg("Caseload");
    const a = await makeCase(org, "submitted");
    const b = await makeCase(org, "signed_off");
    const draft = await makeCase(org, "draft");
    const sup = ctxFor(org, org.supervisor);
    const all = await listCaseload(sup);
    expect(all.rows.map((r) => r.id).sort()).toEqual([a.caseId, b.caseId].sort());
    expect(all.rows.map((r) => r.id)).not.toContain(draft.caseId);
    expect((await listCaseload(sup, { status: "signed_off" })).rows.map((r) => r.id)).toEqual([b.caseId]);
    expect((await listCaseload(sup, { q: "zzz" })).rows).toEqual([]);
    expect((await listCaseload(ctxFor(org, org.otherSupervisor))).rows).toEqual([]);
    await expect(listCaseload(ctxFor(org, org.trainee))).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("CaseloadOther");
    expect((await listCaseload(ctxFor(other, other.supervisor))).rows).toEqual([]);
    const signed = all.rows.find((r) => r.id === b.caseId)!;
    expect(signed.lastAction).toBe("signed_off");
  });
});

describe("comments on a shared reflection", () => {
  it("an assigned supervisor comments, the trainee replies; nobody else, and not once unshared", async () => {
    const org = await createOrg("Reflect");
    const db = await getDb();
    const mod = await curriculumModule(0);
    const [r] = await db
      .insert(reflections)
      .values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, content: { first: "I noticed I rush." }, sharedAt: new Date(), version: 1 })
      .returning({ id: reflections.id });
    const sup = ctxFor(org, org.supervisor);
    const trainee = ctxFor(org, org.trainee);
    const c = await addReflectionComment(sup, { reflectionId: r.id, body: "What happens in you just before you rush?" });
    await expect(addReflectionComment(trainee, { reflectionId: r.id, body: "A new thread" })).rejects.toBeInstanceOf(ValidationError);
    await addReflectionComment(trainee, { reflectionId: r.id, parentId: c.id, body: "A tightness, and a wish to be useful." });
    expect((await listReflectionComments(trainee, r.id)).map((x) => x.body)).toEqual(["What happens in you just before you rush?", "A tightness, and a wish to be useful."]);
    for (const outsider of [ctxFor(org, org.otherSupervisor), ctxFor(org, org.admin), ctxFor(org, org.otherTrainee)]) {
      await expect(listReflectionComments(outsider, r.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(addReflectionComment(outsider, { reflectionId: r.id, parentId: c.id, body: "x" })).rejects.toBeInstanceOf(NotFoundError);
    }
    const other = await createOrg("ReflectOther");
    await expect(listReflectionComments(ctxFor(other, other.supervisor), r.id)).rejects.toBeInstanceOf(NotFoundError);
    await db.update(reflections).set({ sharedAt: null }).where(eq(reflections.id, r.id));
    await expect(listReflectionComments(sup, r.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the loop's notifications", () => {
  const inbox = async (org: Awaited<ReturnType<typeof createOrg>>, p: Awaited<ReturnType<typeof createOrg>>["trainee"]) => (await listInbox(ctxFor(org, p))).rows;
  const mailsTo = async (orgId: string, to: string, kind: string) => {
    const db = await getDb();
    return db.select().from(outbox).where(and(eq(outbox.organisationId, orgId), eq(outbox.to, to), eq(outbox.kind, kind)));
  };

  it("submission, decision, comment and reply each reach the other party, in-app and by email, with no narrative", async () => {
    const org = await createOrg("NotifyLoop");
    const s = await submitAs(org, validCase({ clientCode: "NL-1" }));
    expect((await inbox(org, org.supervisor)).map((i) => [i.kind, i.href])).toEqual([["case_submitted", `/reviews/${s.caseId}`]]);
    const [mail] = await mailsTo(org.orgId, org.supervisor.email, "notification.case_submitted");
    expect(mail.text).not.toContain(validCase().whatHappened.slice(0, 30));
    expect(await inbox(org, org.otherSupervisor)).toEqual([]);

    const sup = ctxFor(org, org.supervisor);
    const c = await addComment(sup, { caseId: s.caseId, focus: "intervention", body: "Try naming it." });
    const { decideReview } = await import("@/lib/cases/review");
    const { reviewRatings } = await import("../fixtures/cases");
    await decideReview(sup, { caseId: s.caseId, version: s.version, decision: "changes_requested", ratings: reviewRatings("partly_evident"), whatToChange: "Say more." });
    expect((await inbox(org, org.trainee)).map((i) => i.kind).sort()).toEqual(["case_comment", "changes_requested"]);
    await replyToComment(ctxFor(org, org.trainee), { caseId: s.caseId, parentId: c.id, body: "Will do." });
    expect((await inbox(org, org.supervisor)).map((i) => i.kind)).toEqual(["case_comment", "case_submitted"]);
  });

  it("a risk reaches the supervisors and admins at once, even when they chose in-app only", async () => {
    const org = await createOrg("NotifyRisk");
    await setPreferences(ctxFor(org, org.supervisor), { case_submitted: "in_app" });
    await setPreferences(ctxFor(org, org.admin), { case_unassigned: "in_app" });
    const s = await submitAs(org, riskCase());
    for (const p of [org.supervisor, org.admin]) {
      expect((await inbox(org, p)).map((i) => i.kind), p.name).toContain("case_risk");
      expect(await mailsTo(org.orgId, p.email, "notification.case_risk"), p.name).toHaveLength(1);
    }
    expect((await inbox(org, org.trainee)).map((i) => i.kind)).not.toContain("case_risk");
    expect(s.urgent).toBe(true);
  });

  it("a change that rolls back notifies nobody", async () => {
    const org = await createOrg("NotifyRollback");
    const trainee = ctxFor(org, org.trainee);
    const d = await createDraft(trainee, validCase(), { requestId: crypto.randomUUID() });
    const content = validCase({ whatHappened: "Mrs Jane Fairweather rang on 0412 345 678." });
    await expect(submitCase(trainee, { caseId: d.caseId, version: d.version, content })).rejects.toBeInstanceOf(ValidationError);
    expect(await inbox(org, org.supervisor)).toEqual([]);
  });

  it("deactivating a trainee's only supervisor tells the admins", async () => {
    const org = await createOrg("NotifyOrphan");
    const { setMemberStatus, getMember } = await import("@/lib/orgs/members");
    const admin = ctxFor(org, org.admin);
    const m = await getMember(admin, org.supervisor.membershipId);
    await setMemberStatus(admin, { membershipId: m.membershipId, status: "deactivated", version: m.version });
    const items = await inbox(org, org.admin);
    expect(items.map((i) => [i.kind, i.href])).toEqual([["trainee_unsupervised", `/admin/members/${org.trainee.membershipId}#supervisors`]]);
  });
});

describe("the notification fan-out of one submission", () => {
  it("costs the same statements for one supervisor as for six", async () => {
    const { countQueries } = await import("@/db/query-count");
    const { createUser, addMember } = await import("../fixtures/factory");
    const one = await createOrg("FanOne");
    const six = await createOrg("FanSix");
    const db = await getDb();
    for (let i = 0; i < 5; i++) {
      const u = await createUser(`Extra Supervisor ${i}`);
      const m = await addMember(six.orgId, u.id, "supervisor");
      await db.insert(supervisions).values({ organisationId: six.orgId, supervisorMembershipId: m.id, traineeMembershipId: six.trainee.membershipId });
    }
    const run = async (org: typeof one) => {
      const trainee = ctxFor(org, org.trainee);
      const d = await createDraft(trainee, riskCase(), { requestId: crypto.randomUUID() });
      return countQueries(() => submitCase(trainee, { caseId: d.caseId, version: d.version, content: riskCase() }));
    };
    await run(one); // warm: prepared statements and caches
    const a = await run(one);
    const b = await run(six);
    expect(b.count, b.statements.join("\n")).toBe(a.count);
    expect((await listInbox(ctxFor(six, six.supervisor))).rows.filter((r) => r.kind === "case_risk").length).toBeGreaterThan(0);
  });
});
