import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, caseComments, cases, caseFlagDismissals, caseReviews } from "@/db/schema";
import { createDraft, dismissFlag, saveDraft } from "@/lib/cases/drafts";
import { getInsight } from "@/lib/cases/insight";
import { countMyCases, getCase, getVersionsForCompare, listMyCases } from "@/lib/cases/queries";
import { listOrgCaseMetadata, listReviewQueue, orgCaseCounts, queueSummary } from "@/lib/cases/queue";
import { addComment, decideReview, reopenCase } from "@/lib/cases/review";
import { submitCase } from "@/lib/cases/submit";
import { NotFoundError } from "@/lib/core/errors";
import { setUnassignedPolicy } from "@/lib/orgs/unsupervised";
import { reviewRatings, validCase } from "../fixtures/cases";
import { assignSupervisor, ctxFor, makeCase } from "../fixtures/cases-db";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";

withDatabase();

const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

/** Every read and action on one case, as the given person. */
function everything(org: TestOrg, caseId: string, version: number) {
  return (ctx: ReturnType<typeof ctxFor>) => ({
    view: () => getCase(ctx, caseId),
    compare: () => getVersionsForCompare(ctx, caseId, 1, 1),
    save: () => saveDraft(ctx, { caseId, version, content: validCase() }),
    submit: () => submitCase(ctx, { caseId, version, content: validCase() }),
    dismiss: () => dismissFlag(ctx, { caseId, field: "whatHappened", key: "name:x", reason: "not a name" }),
    signOff: () => decideReview(ctx, { caseId, version, decision: "signed_off", ratings: reviewRatings() }),
    requestChanges: () => decideReview(ctx, { caseId, version, decision: "changes_requested", ratings: reviewRatings(), whatToChange: "More." }),
    comment: () => addComment(ctx, { caseId, focus: "intervention", body: "Try this." }),
    reopen: () => reopenCase(ctx, { caseId, version, reason: "Reopening for a test reason." }),
    insight: () => getInsight(ctx, org.trainee.membershipId),
  });
}

async function snapshot(caseId: string) {
  const db = await getDb();
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  const n = async (t: typeof caseReviews | typeof caseComments | typeof caseFlagDismissals) => (await db.select().from(t).where(eq(t.caseId, caseId))).length;
  return { status: row.status, version: row.version, content: row.content, reviews: await n(caseReviews), comments: await n(caseComments), dismissals: await n(caseFlagDismissals) };
}

describe("cases: who can reach a case", () => {
  for (const state of ["submitted", "signed_off"] as const) {
    it(`gives another trainee, an unassigned supervisor and every role of another organisation not-found for a ${state} case, and changes nothing`, async () => {
      const a = await createOrg("AccA");
      const b = await createOrg("AccB");
      const c = await makeCase(a, state);
      const before = await snapshot(c.caseId);
      const outsiders = [
        ["another trainee", ctxFor(a, a.otherTrainee)],
        ["an unassigned supervisor", ctxFor(a, a.otherSupervisor)],
        ["org B's trainee", ctxFor(b, b.trainee)],
        ["org B's supervisor", ctxFor(b, b.supervisor)],
        ["org B's admin", ctxFor(b, b.admin)],
        // The right person looking from the wrong organisation is still an outsider.
        ["A's trainee with B's organisation", { ...ctxFor(a, a.trainee), orgId: b.orgId }],
      ] as const;
      for (const [who, ctx] of outsiders) {
        for (const [name, run] of Object.entries(everything(a, c.caseId, c.version)(ctx))) {
          expect(await caught(run()), `${who}: ${name}`).toBeInstanceOf(NotFoundError);
        }
      }
      expect(await snapshot(c.caseId)).toEqual(before);
      const db = await getDb();
      const views = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, c.caseId), eq(auditEvents.action, "case.viewed")));
      expect(views).toHaveLength(0);
    });
  }

  it("gives the org_admin metadata only: no narrative, no review actions, but reopening", async () => {
    const org = await createOrg("Admin");
    const c = await makeCase(org, "signed_off");
    const admin = ctxFor(org, org.admin);
    const view = await getCase(admin, c.caseId);
    expect(view.level).toBe("metadata");
    expect(view).not.toHaveProperty("content");
    expect(view).not.toHaveProperty("clientCode");
    expect(view).not.toHaveProperty("reviews");
    expect(JSON.stringify(view)).not.toContain(validCase().whatHappened.slice(0, 20));
    expect(view).toMatchObject({ status: "signed_off", submissionCount: 1, counts: { versions: 1, reviews: 1, comments: 0 }, authorName: org.trainee.name });
    const all = everything(org, c.caseId, c.version)(admin);
    for (const name of ["compare", "save", "submit", "dismiss", "signOff", "requestChanges", "comment", "insight"] as const) {
      expect(await caught(all[name]()), name).toBeInstanceOf(NotFoundError);
    }
    const db = await getDb();
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, c.caseId), eq(auditEvents.action, "case.viewed")))).toHaveLength(0);
    expect((await reopenCase(admin, { caseId: c.caseId, version: c.version, reason: "Signed off by mistake, says the supervisor." })).status).toBe("reopened");
    const listed = await listOrgCaseMetadata(admin);
    expect(listed.rows.map((r) => r.id)).toEqual([c.caseId]);
    expect(listed.rows[0]).not.toHaveProperty("clientCode");
    expect(await orgCaseCounts(admin)).toMatchObject({ reopened: 1 });
    await expect(listOrgCaseMetadata(ctxFor(org, org.supervisor))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an org_admin who is also the assigned supervisor reads the whole case", async () => {
    const org = await createOrg("AdminSup");
    await assignSupervisor(org, org.admin, org.trainee);
    const c = await makeCase(org, "submitted");
    const view = await getCase(ctxFor(org, org.admin), c.caseId);
    expect(view.level).toBe("full");
  });

  it("audits every narrative view by someone other than the author, and none by the author", async () => {
    const org = await createOrg("Audit");
    const c = await makeCase(org, "submitted");
    await getCase(ctxFor(org, org.trainee), c.caseId);
    await getCase(ctxFor(org, org.supervisor), c.caseId);
    await getCase(ctxFor(org, org.supervisor), c.caseId, { via: "review" });
    await getVersionsForCompare(ctxFor(org, org.supervisor), c.caseId, 1, 1);
    const db = await getDb();
    const views = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, c.caseId), eq(auditEvents.action, "case.viewed"))).orderBy(asc(auditEvents.id));
    expect(views.map((v) => [v.actorUserId, v.organisationId, (v.detail as { via: string }).via])).toEqual([
      [org.supervisor.userId, org.orgId, "page"],
      [org.supervisor.userId, org.orgId, "review"],
      [org.supervisor.userId, org.orgId, "compare"],
    ]);
  });

  it("lets a supervisor log their own cases, which they cannot review themselves", async () => {
    const org = await createOrg("SupLog");
    const sup = ctxFor(org, org.supervisor);
    // Someone must be able to review it: a supervisor of supervisors.
    await assignSupervisor(org, org.otherSupervisor, org.supervisor);
    const d = await createDraft(sup, {});
    const s = await submitCase(sup, { caseId: d.caseId, version: d.version, content: validCase() });
    expect((await listMyCases(sup)).rows.map((r) => r.id)).toEqual([d.caseId]);
    expect(await caught(decideReview(sup, { caseId: d.caseId, version: s.version, decision: "signed_off", ratings: reviewRatings() }))).toBeInstanceOf(NotFoundError);
    expect((await listReviewQueue(sup)).rows).toHaveLength(0);
    await expect(createDraft(ctxFor(org, org.admin), {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(countMyCases(ctxFor(org, org.admin))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cases: the review queue", () => {
  it("lists assigned trainees' submitted cases, oldest waiting first, paged by key, nothing else", async () => {
    const a = await createOrg("QueueA");
    const b = await createOrg("QueueB");
    const sup = ctxFor(a, a.supervisor);
    const made: string[] = [];
    for (let i = 0; i < 22; i++) made.push((await makeCase(a, "submitted", validCase({ clientCode: `Q-${i}` }))).caseId);
    await makeCase(a, "draft");
    await makeCase(a, "signed_off");
    await makeCase(b, "submitted");
    // The unassigned trainee's case (accepted: the organisation routes such cases itself) is not
    // in this supervisor's queue.
    await setUnassignedPolicy(ctxFor(a, a.admin), "admin_queue");
    const other = ctxFor(a, a.otherTrainee);
    const od = await createDraft(other, {});
    await submitCase(other, { caseId: od.caseId, version: od.version, content: validCase() });

    const first = await listReviewQueue(sup);
    expect(first.rows).toHaveLength(20);
    const second = await listReviewQueue(sup, { after: first.next! });
    expect(second.next).toBeNull();
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(made);
    expect(first.rows[0]).toMatchObject({ clientCode: "Q-0", traineeName: a.trainee.name, submissionCount: 1 });
    const times = [...first.rows, ...second.rows].map((r) => r.submittedAt.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(await queueSummary(sup)).toEqual({ waiting: 22, oldest: first.rows[0].submittedAt });

    expect((await listReviewQueue(ctxFor(a, a.otherSupervisor))).rows).toHaveLength(0);
    expect((await listReviewQueue(ctxFor(b, b.supervisor))).rows).toHaveLength(1);
    await expect(listReviewQueue(ctxFor(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReviewQueue(ctxFor(a, a.admin))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cases: insight", () => {
  it("is for the trainee and their assigned supervisors only", async () => {
    const a = await createOrg("InsA");
    const b = await createOrg("InsB");
    await makeCase(a, "signed_off", validCase({ outcome: "resolved" }));
    await makeCase(a, "draft");
    const own = await getInsight(ctxFor(a, a.trainee), a.trainee.membershipId);
    expect(own.total).toBe(1);
    expect(own.byOutcome.find((o) => o.key === "resolved")?.n).toBe(1);
    // The trainee chose c3 and c5; the supervisor rated those: compared on those two only.
    expect(own.differences.filter((d) => d.compared > 0).map((d) => [d.code, d.compared])).toEqual([
      ["c3_congruence", 1],
      ["c5_empathy", 1],
    ]);
    expect(own).not.toHaveProperty("byStrategy");
    const sup = await getInsight(ctxFor(a, a.supervisor), a.trainee.membershipId);
    expect(sup.total).toBe(1);
    for (const ctx of [ctxFor(a, a.otherTrainee), ctxFor(a, a.otherSupervisor), ctxFor(a, a.admin), ctxFor(b, b.supervisor), ctxFor(b, b.admin)]) {
      await expect(getInsight(ctx, a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("drafts and repeated requests", () => {
  it("an unsubmitted draft is the trainee's own: the assigned supervisor and the admin get not-found", async () => {
    const org = await createOrg("DraftOwn");
    const trainee = ctxFor(org, org.trainee);
    const d = await createDraft(trainee, { clientCode: "DR-1" });
    await expect(getCase(ctxFor(org, org.supervisor), d.caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCase(ctxFor(org, org.admin), d.caseId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCase(trainee, d.caseId)).id).toBe(d.caseId);
  });

  it("five parallel creates with one request id make one draft", async () => {
    const org = await createOrg("Idempotent");
    const trainee = ctxFor(org, org.trainee);
    const requestId = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => createDraft(trainee, { clientCode: "PAR-1" }, { requestId })));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    const db = await getDb();
    const rows = await db.select({ id: cases.id }).from(cases).where(eq(cases.authorMembershipId, org.trainee.membershipId));
    expect(rows).toHaveLength(1);
    // Another request id is another draft.
    const other = await createDraft(trainee, { clientCode: "PAR-2" }, { requestId: crypto.randomUUID() });
    expect(other.caseId).not.toBe(results[0].caseId);
  });
});
