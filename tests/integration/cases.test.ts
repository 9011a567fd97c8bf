import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, usingEmbedded } from "@/db/client";
import { auditEvents, caseFlagDismissals, caseReviews, cases, caseTransitions, caseVersions, type StoredRating } from "@/db/schema";
import { createDraft, dismissFlag, saveDraft } from "@/lib/cases/drafts";
import { getCase, getVersionsForCompare, listMyCases } from "@/lib/cases/queries";
import { addComment, decideReview, reopenCase } from "@/lib/cases/review";
import { submitCase } from "@/lib/cases/submit";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { pgError } from "@/lib/core/db-errors";
import { reviewRatings, validCase } from "../fixtures/cases";
import { assignSupervisor, ctxFor, makeCase } from "../fixtures/cases-db";
import { createOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CaseDetails } from "@/components/cases/case-details";
import { conditionRows, readReview, readSelfAssessment } from "@/lib/cases/conditions";
import { getInsight } from "@/lib/cases/insight";
import { buildCasePdf } from "@/lib/cases/pdf";
import { seedCase } from "../fixtures/cases-seed";
import { legacyCase } from "../fixtures/cases";

withDatabase();

const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("cases: logging, the de-identification guard and submission", () => {
  it("saves drafts with findings, refuses to submit until each is fixed or dismissed, then keeps the version", async () => {
    const org = await createOrg("Guard");
    const me = ctxFor(org, org.trainee);
    const draft = await createDraft(me, { clientCode: "RC-1" });
    expect(draft.version).toBe(0);
    const content = validCase({ whatHappened: "Mrs Jane Fairweather said to ring her on 0412 345 678 when I was late." });
    const saved = await saveDraft(me, { caseId: draft.caseId, version: draft.version, content });
    expect(saved.version).toBe(1);
    const kinds = saved.findings.whatHappened.map((f) => f.kind).sort();
    expect(kinds).toEqual(["name", "phone"]);

    const refused = await caught(submitCase(me, { caseId: draft.caseId, version: saved.version, content }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.whatHappened?.[0]).toMatch(/^2 suspected identifiers are still flagged here/);
    const db = await getDb();
    const [still] = await db.select().from(cases).where(eq(cases.id, draft.caseId));
    expect(still).toMatchObject({ status: "draft", version: 1, submissionCount: 0 });

    // Fix the phone number, dismiss the name with a reason: the server scans again and accepts.
    const fixed = validCase({ whatHappened: "Mrs Jane Fairweather said to ring her when I was late." });
    const name = saved.findings.whatHappened.find((f) => f.kind === "name")!;
    await dismissFlag(me, { caseId: draft.caseId, field: "whatHappened", key: name.key, reason: "A character from a novel we discussed, not a person." });
    const submitted = await submitCase(me, { caseId: draft.caseId, version: saved.version, content: fixed });
    expect(submitted).toMatchObject({ version: 2, submission: 1 });

    const [row] = await db.select().from(cases).where(eq(cases.id, draft.caseId));
    expect(row).toMatchObject({ status: "submitted", clientCode: "RC-07", ruptureType: "withdrawal", submissionCount: 1, codeListVersion: "2026.2" });
    const versions = await db.select().from(caseVersions).where(eq(caseVersions.caseId, draft.caseId));
    expect(versions).toHaveLength(1);
    expect((versions[0].content as { whatHappened: string }).whatHappened).toBe(fixed.whatHappened);
    const [dismissal] = await db.select().from(caseFlagDismissals).where(eq(caseFlagDismissals.caseId, draft.caseId));
    expect(dismissal).toMatchObject({ field: "whatHappened", findingKey: name.key, dismissedByMembershipId: org.trainee.membershipId });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, draft.caseId)));
    expect(events.map((e) => e.action).sort()).toEqual(["case.created", "case.flag_dismissed", "case.submitted"]);
    expect(JSON.stringify(events)).not.toContain("Fairweather");
  });

  it("refuses the submission of an identifier the client never showed (the server re-scans)", async () => {
    const org = await createOrg("Rescan");
    const me = ctxFor(org, org.trainee);
    const d = await createDraft(me, {});
    const err = await caught(submitCase(me, { caseId: d.caseId, version: d.version, content: validCase({ nextTime: "Email jo.bloggs@example.com first." }) }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors)).toEqual(["nextTime"]);
  });

  it("runs request changes, resubmit, sign off, then locks the case for everyone; reopening needs a reason", async () => {
    const org = await createOrg("Flow");
    const trainee = ctxFor(org, org.trainee);
    const sup = ctxFor(org, org.supervisor);
    const c = await makeCase(org, "submitted");
    await addComment(sup, { caseId: c.caseId, focus: "personalisation", body: "Notice what the silence stirred in you." });
    const changes = await decideReview(sup, { caseId: c.caseId, version: c.version, decision: "changes_requested", ratings: reviewRatings("partly_evident"), whatToChange: "Say more about your own contribution." });
    expect(changes.status).toBe("changes_requested");
    const revised = validCase({ ownContribution: "I pushed the task and missed the client's hesitation." });
    const resub = await submitCase(trainee, { caseId: c.caseId, version: changes.version, content: revised });
    expect(resub.submission).toBe(2);
    const ratings = reviewRatings("clearly_evident", { c5_empathy: { rating: "partly_evident", evidence: "Missed at first.", quote: "missed the client's   hesitation" } });
    const done = await decideReview(sup, { caseId: c.caseId, version: resub.version, decision: "signed_off", ratings });
    expect(done.status).toBe("signed_off");

    const view = await getCase(trainee, c.caseId);
    if (view.level !== "full") throw new Error("author sees the full case");
    expect(view.signedOffByName).toBe(org.supervisor.name);
    expect(view.signedOffVersion).toBe(2);
    expect(view.signedOffAt).toBeInstanceOf(Date);
    expect(view.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(view.reviews.map((r) => [r.submission, r.decision])).toEqual([
      [1, "changes_requested"],
      [2, "signed_off"],
    ]);
    const at = revised.ownContribution.indexOf("missed");
    expect((view.reviews[1].ratings.c5_empathy as StoredRating).quote).toEqual({ field: "ownContribution", start: at, end: at + 30, text: "missed the client's hesitation" });
    expect(view.comments).toMatchObject([{ submission: 1, focus: "personalisation", authorName: org.supervisor.name }]);
    expect(view.transitions.map((t) => `${t.from}>${t.to}@${t.caseVersion}`)).toEqual([
      "null>draft@0",
      "draft>submitted@1",
      "submitted>changes_requested@2",
      "changes_requested>submitted@3",
      "submitted>signed_off@4",
    ]);

    // Locked: the trainee's save keeps nothing silently, the supervisor can't decide or comment again.
    const save = await caught(saveDraft(trainee, { caseId: c.caseId, version: done.version, content: revised }));
    expect(save).toBeInstanceOf(ConflictError);
    expect((save as Error).message).toMatch(/just been signed off.*Your text is shown below/);
    expect(await caught(submitCase(trainee, { caseId: c.caseId, version: done.version, content: revised }))).toBeInstanceOf(ConflictError);
    expect(await caught(addComment(sup, { caseId: c.caseId, focus: "intervention", body: "late" }))).toBeInstanceOf(ConflictError);
    expect(await caught(decideReview(sup, { caseId: c.caseId, version: done.version, decision: "signed_off", ratings }))).toBeInstanceOf(ConflictError);
    expect(await caught(dismissFlag(trainee, { caseId: c.caseId, field: "nextTime", key: "name:x", reason: "not a name" }))).toBeInstanceOf(ConflictError);

    const reopened = await reopenCase(sup, { caseId: c.caseId, version: done.version, reason: "The trainee asked to add the follow-up session." });
    expect(reopened.status).toBe("reopened");
    const db = await getDb();
    const [t] = await db.select().from(caseTransitions).where(and(eq(caseTransitions.caseId, c.caseId), eq(caseTransitions.toStatus, "reopened")));
    expect(t).toMatchObject({ actorMembershipId: org.supervisor.membershipId, reason: "The trainee asked to add the follow-up session.", caseVersion: reopened.version });
    const [row] = await db.select().from(cases).where(eq(cases.id, c.caseId));
    expect(row).toMatchObject({ status: "reopened", signedOffAt: null });
    expect((await saveDraft(trainee, { caseId: c.caseId, version: reopened.version, content: revised })).version).toBe(reopened.version + 1);
    const audited = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, c.caseId));
    expect(audited.map((a) => a.action).filter((a) => a !== "case.viewed").sort()).toEqual(
      ["case.changes_requested", "case.commented", "case.created", "case.reopened", "case.signed_off", "case.submitted", "case.submitted"].sort(),
    );
  });

  it("refuses a quote that isn't in the narrative, and changes nothing", async () => {
    const org = await createOrg("Quote");
    const c = await makeCase(org, "submitted");
    const ratings = reviewRatings("clearly_evident", { c3_congruence: { rating: "clearly_evident", evidence: "x", quote: "words the trainee never wrote" } });
    const err = await caught(decideReview(ctxFor(org, org.supervisor), { caseId: c.caseId, version: c.version, decision: "signed_off", ratings }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors["ratings.c3_congruence.quote"]).toBeTruthy();
    const [row] = await (await getDb()).select().from(cases).where(eq(cases.id, c.caseId));
    expect(row.status).toBe("submitted");
  });

  it("detects a stale draft version (another tab) instead of overwriting", async () => {
    const org = await createOrg("Stale");
    const me = ctxFor(org, org.trainee);
    const d = await createDraft(me, { clientCode: "A1" });
    await saveDraft(me, { caseId: d.caseId, version: 0, content: { clientCode: "A2" } });
    const err = await caught(saveDraft(me, { caseId: d.caseId, version: 0, content: { clientCode: "A3" } }));
    expect(err).toBeInstanceOf(ConflictError);
    const [row] = await (await getDb()).select().from(cases).where(eq(cases.id, d.caseId));
    expect(row.clientCode).toBe("A2");
  });

  it("keeps history append-only in the database itself", async () => {
    const org = await createOrg("Append");
    const c = await makeCase(org, "changes_requested");
    const db = await getDb();
    const msg = async (p: Promise<unknown>) => pgError(await caught(p)).message;
    expect(await msg(db.update(caseVersions).set({ content: {} }).where(eq(caseVersions.caseId, c.caseId)))).toMatch(/append-only/);
    expect(await msg(db.update(caseReviews).set({ whatToChange: "x" }).where(eq(caseReviews.caseId, c.caseId)))).toMatch(/append-only/);
    expect(await msg(db.update(caseTransitions).set({ reason: "x" }).where(eq(caseTransitions.caseId, c.caseId)))).toMatch(/append-only/);
  });

  it("refuses rows that join two organisations", async () => {
    const a = await createOrg("FkCaseA");
    const b = await createOrg("FkCaseB");
    const db = await getDb();
    const err = await caught(
      db.execute(sql`insert into cases (organisation_id, author_membership_id, code_list_version, content)
                     values (${a.orgId}, ${b.trainee.membershipId}, '2026.1', '{}'::jsonb)`),
    );
    expect(pgError(err).code).toBe("23503");
    const c = await makeCase(a, "draft");
    const err2 = await caught(
      db.execute(sql`insert into case_flag_dismissals (organisation_id, case_id, field, finding_key, reason, scanner_version, dismissed_by_membership_id)
                     values (${b.orgId}, ${c.caseId}, 'whatHappened', 'name:x', 'r', '1', ${b.trainee.membershipId})`),
    );
    expect(pgError(err2).code).toBe("23503");
  });
});

describe("cases: two supervisors signing off at once", () => {
  it("lets exactly one succeed; the other is told the case changed", async () => {
    const org = await createOrg("Race");
    await assignSupervisor(org, org.otherSupervisor, org.trainee);
    const c = await makeCase(org, "submitted");
    const attempt = (who: typeof org.supervisor) =>
      decideReview(ctxFor(org, who), { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: reviewRatings() }).then(
        (r) => ({ ok: true as const, r }),
        (e: unknown) => ({ ok: false as const, e }),
      );
    // Both start before either finishes; on PostgreSQL they run on two connections at once.
    const results = await Promise.all([attempt(org.supervisor), attempt(org.otherSupervisor)]);
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    expect((losses[0] as { e: unknown }).e).toBeInstanceOf(ConflictError);
    const db = await getDb();
    expect(await db.select().from(caseReviews).where(eq(caseReviews.caseId, c.caseId))).toHaveLength(1);
    const signOffs = await db.select().from(caseTransitions).where(and(eq(caseTransitions.caseId, c.caseId), eq(caseTransitions.toStatus, "signed_off")));
    expect(signOffs).toHaveLength(1);
    const [row] = await db.select().from(cases).where(eq(cases.id, c.caseId));
    expect(row.signedOffByMembershipId).toBe(signOffs[0].actorMembershipId);
    expect(row.version).toBe(c.version + 1);
  });

  // PGlite has one connection: two transactions never overlap there, so this runs on PostgreSQL
  // only (the race above runs on both).
  it.skipIf(usingEmbedded())("on PostgreSQL, really overlaps the two transactions", async () => {
    const org = await createOrg("Overlap");
    await assignSupervisor(org, org.otherSupervisor, org.trainee);
    const c = await makeCase(org, "submitted");
    const db = await getDb();
    // Hold the case row locked in a transaction while both sign-offs start: both must wait, then
    // exactly one may pass the version check.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select id from cases where id = ${c.caseId} for update`);
      locked();
      await gate;
    });
    await holding;
    const run = (who: typeof org.supervisor) =>
      decideReview(ctxFor(org, who), { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: reviewRatings() }).then(() => "won", (e: unknown) => (e instanceof ConflictError ? "conflict" : String(e)));
    const both = Promise.all([run(org.supervisor), run(org.otherSupervisor)]);
    // Until both sign-offs wait on the lock (on a busy machine that can take a while; never a fixed sleep).
    let waiting = 0;
    for (let i = 0; i < 400 && waiting < 2; i++) {
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      waiting = Number(row.n);
      if (waiting < 2) await new Promise((r) => setTimeout(r, 25));
    }
    expect(waiting).toBeGreaterThanOrEqual(2);
    release();
    await holder;
    expect((await both).sort()).toEqual(["conflict", "won"]);
  });
});

describe("cases: my list", () => {
  it("filters by status, searches code and narrative, and pages by key", async () => {
    const org = await createOrg("List");
    const me = ctxFor(org, org.trainee);
    for (let i = 0; i < 23; i++) await createDraft(me, { clientCode: `D-${i}` });
    await makeCase(org, "submitted", validCase({ clientCode: "FIND-ME", whatHappened: "The client rolled their eyes at the worksheet." }));
    const first = await listMyCases(me);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].clientCode).toBe("FIND-ME");
    const second = await listMyCases(me, { after: first.next! });
    expect(second.rows).toHaveLength(4);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(24);
    expect((await listMyCases(me, { status: "submitted" })).rows.map((r) => r.clientCode)).toEqual(["FIND-ME"]);
    expect((await listMyCases(me, { q: "worksheet" })).rows.map((r) => r.clientCode)).toEqual(["FIND-ME"]);
    expect((await listMyCases(me, { q: "find-me" })).rows).toHaveLength(1);
    expect((await listMyCases(me, { q: "%" })).rows).toHaveLength(0);
    expect((await listMyCases(ctxFor(org, org.otherTrainee))).rows).toHaveLength(0);
  });

  it("compares two submitted versions", async () => {
    const org = await createOrg("Compare");
    const c = await makeCase(org, "changes_requested");
    await submitCase(ctxFor(org, org.trainee), { caseId: c.caseId, version: c.version, content: validCase({ nextTime: "Slow down." }) });
    const { left, right } = await getVersionsForCompare(ctxFor(org, org.trainee), c.caseId, 1, 2);
    expect((left?.content as { nextTime: string }).nextTime).toBe(validCase().nextTime);
    expect((right?.content as { nextTime: string }).nextTime).toBe("Slow down.");
  });
});

describe("cases: code lists 2026.1 and 2026.2 side by side", () => {
  it("loads a case stored under 2026.1 (six ratings, a month) as stored, and renders it and its review", async () => {
    const org = await createOrg("Legacy");
    const { caseId } = await seedCase(org, "signed_off", legacyCase(), "2026.1");
    const view = await getCase(ctxFor(org, org.trainee), caseId);
    if (view.level !== "full") throw new Error("author sees the full case");
    expect(view.codeListVersion).toBe("2026.1");
    // Stored content is never rewritten: the month and the c1 rating are still there.
    expect(view.content.periodMonth).toBe(3);
    expect(view.versions[0]).toMatchObject({ number: 1, codeListVersion: "2026.1" });
    const rows = conditionRows(readSelfAssessment(view.versions[0].selfAssessment, view.versions[0].codeListVersion), readReview(view.reviews[0].ratings));
    expect(rows.map((r) => [r.code, r.self?.rating, r.supervisor?.rating])).toEqual([
      ["c1_contact", "clearly_evident", "clearly_evident"],
      ["c2_client_incongruence", "partly_evident", "clearly_evident"],
      ["c3_congruence", "partly_evident", "clearly_evident"],
      ["c4_upr", "partly_evident", "clearly_evident"],
      ["c5_empathy", "not_evident", "clearly_evident"],
      ["c6_perceived", "not_assessable", "clearly_evident"],
    ]);
    const html = renderToStaticMarkup(createElement(CaseDetails, { content: view.content, codeListVersion: view.codeListVersion }));
    expect(html).toContain("Recorded with the earlier checklist");
    expect(html).toContain("Session 6, 2025");
    expect(html).not.toContain("March");
    expect(html).toContain("We stayed in contact throughout.");
    const pdf = await buildCasePdf({ orgName: org.name, authorName: view.authorName, clientCode: view.clientCode, codeListVersion: view.codeListVersion, content: view.content, signedOffByName: "S", signedOffAt: new Date(), signedOffVersion: 1, ratings: view.reviews[0].ratings });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    // Insight never counts the old c1/c2 ratings as the trainee's shortfalls.
    const insight = await getInsight(ctxFor(org, org.trainee), org.trainee.membershipId);
    expect(insight.notEvident.map((n) => n.code)).toEqual(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    expect(insight.differences.find((d) => d.code === "c5_empathy")).toMatchObject({ compared: 1, supervisorHigher: 1 });
  });

  it("reviews a case waiting under 2026.1 by today's rules, keeping its old self-assessment", async () => {
    const org = await createOrg("LegacyReview");
    const c = await seedCase(org, "submitted", legacyCase(), "2026.1");
    const sup = ctxFor(org, org.supervisor);
    const none = await caught(decideReview(sup, { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: { c1_contact: { note: "Present." } } }));
    expect((none as ValidationError).fieldErrors.rated?.[0]).toMatch(/Rate at least one/);
    await decideReview(sup, { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: { c1_contact: { note: "Present." }, c4_upr: { rating: "partly_evident", evidence: "Some warmth." } } });
    const [review] = await (await getDb()).select().from(caseReviews).where(eq(caseReviews.caseId, c.caseId));
    expect(review.ratings).toEqual({ c1_contact: { note: "Present." }, c4_upr: { rating: "partly_evident", evidence: "Some warmth." } });
  });

  it("makes the supervisor rate the trainee's chosen conditions, lets them add others, and keeps c1/c2 as notes", async () => {
    const org = await createOrg("Chosen");
    const c = await makeCase(org, "submitted");
    const sup = ctxFor(org, org.supervisor);
    const { c5_empathy: _, ...withoutC5 } = reviewRatings();
    const refused = await caught(decideReview(sup, { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: withoutC5 }));
    expect((refused as ValidationError).fieldErrors["ratings.c5_empathy.rating"]?.[0]).toMatch(/the trainee chose it/);
    const added = reviewRatings("partly_evident", { c2_client_incongruence: { note: "Anxious, I'd say." }, c6_perceived: { rating: "not_evident", evidence: "No sign." } });
    await decideReview(sup, { caseId: c.caseId, version: c.version, decision: "signed_off", ratings: added });
    const view = await getCase(ctxFor(org, org.trainee), c.caseId);
    if (view.level !== "full") throw new Error("author sees the full case");
    expect(view.codeListVersion).toBe("2026.2");
    expect(Object.keys(view.reviews[0].ratings).sort()).toEqual(["c1_contact", "c2_client_incongruence", "c3_congruence", "c5_empathy", "c6_perceived"]);
    const rows = conditionRows(readSelfAssessment(view.versions[0].selfAssessment, "2026.2"), readReview(view.reviews[0].ratings));
    expect(rows.map((r) => [r.code, r.traineeChose, r.supervisorAdded])).toEqual([
      ["c1_contact", false, false],
      ["c2_client_incongruence", false, false],
      ["c3_congruence", true, false],
      ["c5_empathy", true, false],
      ["c6_perceived", false, true],
    ]);
  });

  it("moves a draft begun under 2026.1 to the current version when the author saves it", async () => {
    const org = await createOrg("LegacyDraft");
    const d = await seedCase(org, "draft", legacyCase(), "2026.1");
    await saveDraft(ctxFor(org, org.trainee), { caseId: d.caseId, version: d.version, content: validCase() });
    const [row] = await (await getDb()).select().from(cases).where(eq(cases.id, d.caseId));
    expect(row.codeListVersion).toBe("2026.2");
    expect(row.content).not.toHaveProperty("periodMonth");
  });
});
