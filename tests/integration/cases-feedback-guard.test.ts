import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, caseComments, caseReviews, cases } from "@/db/schema";
import { addComment, decideReview } from "@/lib/cases/review";
import { ValidationError } from "@/lib/core/errors";
import { reviewRatings } from "../fixtures/cases";
import { ctxFor, makeCase } from "../fixtures/cases-db";
import { createOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";

// A supervisor's feedback is scanned on the server like the trainee's case: flagged details are
// refused (nothing stored) until removed or confirmed, and the confirmation is audited without
// the text.

withDatabase();

const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("supervisor feedback guard", () => {
  it("refuses a review whose evidence or what-to-change names someone, storing nothing, until confirmed", async () => {
    const org = await createOrg("FeedbackGuard");
    const { caseId, version } = await makeCase(org, "submitted");
    const sup = ctxFor(org, org.supervisor);
    const ratings = reviewRatings("partly_evident");
    ratings.c5_empathy = { ...ratings.c5_empathy!, evidence: "Mrs Jane Fairweather rang on 0412 345 678 and the trainee stayed with it." };
    const input = { caseId, version, decision: "changes_requested" as const, ratings, whatToChange: "Say more about what you felt when Jane went quiet." };

    const refused = await caught(decideReview(sup, input));
    expect(refused).toBeInstanceOf(ValidationError);
    const errors = (refused as ValidationError).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["identifiersChecked", "ratings.c5_empathy.evidence", "whatToChange"]);
    expect(errors["ratings.c5_empathy.evidence"]?.[0]).toMatch(/“0412 345 678”/);
    expect(errors.whatToChange?.[0]).toMatch(/“Jane”.*name/);
    const db = await getDb();
    expect((await db.select().from(cases).where(eq(cases.id, caseId)))[0]).toMatchObject({ status: "submitted", version });
    expect(await db.select().from(caseReviews).where(eq(caseReviews.caseId, caseId))).toHaveLength(0);

    // Confirmed: stored, and the audit names the fields, never their text.
    const done = await decideReview(sup, { ...input, identifiersChecked: true });
    expect(done.status).toBe("changes_requested");
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "case.changes_requested"), eq(auditEvents.targetId, caseId)));
    expect(event.detail).toMatchObject({ flaggedFieldsConfirmed: ["ratings.c5_empathy.evidence", "whatToChange"] });
    expect(JSON.stringify(event.detail)).not.toMatch(/Jane|0412/);
  });

  it("lets clean feedback straight through, and refuses a comment that names someone until confirmed", async () => {
    const org = await createOrg("CommentGuard");
    const { caseId, version } = await makeCase(org, "submitted");
    const sup = ctxFor(org, org.supervisor);
    const db = await getDb();

    await addComment(sup, { caseId, focus: "personalisation", body: "Notice what the silence stirred in you." });
    const refused = await caught(addComment(sup, { caseId, focus: "intervention", body: "Did you tell Mrs Jane Fairweather about the homework first?" }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fieldErrors).sort()).toEqual(["body", "identifiersChecked"]);
    expect(await db.select().from(caseComments).where(eq(caseComments.caseId, caseId))).toHaveLength(1);

    await addComment(sup, { caseId, focus: "intervention", body: "Did you tell Mrs Jane Fairweather about the homework first?", identifiersChecked: true });
    expect(await db.select().from(caseComments).where(eq(caseComments.caseId, caseId))).toHaveLength(2);

    const clean = await decideReview(sup, { caseId, version, decision: "signed_off", ratings: reviewRatings("clearly_evident") });
    expect(clean.status).toBe("signed_off");
  });
});
