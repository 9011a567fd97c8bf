import { expect, test, type Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { validCase } from "../fixtures/cases";
import { advance, seedCase } from "../fixtures/cases-seed";
import { createOrg, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { CaseFormPage } from "../pages/cases-form-page";
import { CaseReviewPage } from "../pages/cases-review-page";
import { LoginPage } from "../pages/login-page";
import { CONDITIONS } from "@/lib/cases/codes";
import { legacyCase } from "../fixtures/cases";
import { expectAccessible } from "./axe";

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

const NARRATIVE =
  "When I set the homework the client went quiet. Mrs Jane Fairweather, her neighbour, had said she should call 0412 345 678 for help. The client said little after that.";

test.describe("rupture cases", () => {
  test("a case goes from draft through review to sign-off, and is then locked for both", async ({ browser }) => {
    test.setTimeout(300_000);
    const org = await createOrg("E2eCase");
    const trainee = await signedIn(browser, org.trainee);
    const form = new CaseFormPage(trainee);
    await form.gotoNew();
    await expectAccessible(trainee);

    await form.fillSession({ code: "RC-12", session: "4", year: "2025", approach: "Cognitive behavioural therapy (CBT)" });
    await form.fillRupture({ type: "Withdrawal", markers: ["Minimal responses (short answers, silence)", "Deferential, appeasing, going along"], salience: "3", movement: "The client" });
    // Confrontation markers are not offered for a withdrawal rupture.
    await expect(trainee.getByLabel("Rejects the therapist's intervention")).toHaveCount(0);
    await form.field("What happened").fill(NARRATIVE);
    await form.field("Your own contribution").fill("I pressed on with the task before checking how it sat with the client.");

    // Both identifiers are flagged in place, with their reasons.
    await expect(trainee.getByTestId("flag")).toHaveCount(2);
    await expect(trainee.getByTestId("flag").filter({ hasText: "0412 345 678" })).toContainText("Looks like a phone number");
    await expect(trainee.getByTestId("flag").filter({ hasText: "Fairweather" })).toContainText("Looks like a person's name");
    await expect(trainee.locator("mark", { hasText: "0412 345 678" }).first()).toBeAttached();
    await expectAccessible(trainee);

    // Submitting now is refused, with the flags named.
    await form.fillResolution({ strategies: ["Invites the client's thoughts and feelings about the therapist or therapy"], outcome: "Partly resolved", nextTime: "Check in about the task before setting it." });
    await form.fillSelfAssessment("Partly evident");
    await form.fillRisk();
    await form.submit();
    await expect(trainee.getByText("2 possible identifiers are still flagged.", { exact: false })).toBeVisible();

    // Fix the phone number; dismiss the name with a reason.
    await form.field("What happened").fill(NARRATIVE.replace(" 0412 345 678", " a helpline"));
    await expect(trainee.getByTestId("flag")).toHaveCount(1);
    await form.dismissFlag("Mrs Jane Fairweather", "A name from a novel the client mentioned, not a real person.");
    await expect(trainee.getByText("1 flag dismissed as not an identifier")).toBeVisible();
    await form.submit();
    await trainee.waitForURL(/\/cases\/[0-9a-f-]{36}\?submitted=1/);
    const caseId = new URL(trainee.url()).pathname.split("/")[2];
    await expect(trainee.getByText("Submitted for review.", { exact: false })).toBeVisible();
    await expect(trainee.getByText("Waiting for review").first()).toBeVisible();
    await expectAccessible(trainee);

    // The supervisor is told (inbox count, and an email in the outbox) and finds it in the queue.
    const sup = await signedIn(browser, org.supervisor);
    await expect(sup.getByRole("link", { name: "Inbox, 1 unread" })).toBeVisible();
    const db = await getDb();
    const sent = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.to, org.supervisor.email), eq(outbox.kind, "notification.case_submitted")));
    expect(sent).toHaveLength(1);
    expect(sent[0].text).not.toContain("Fairweather");
    await sup.goto("/reviews");
    await expect(sup.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expectAccessible(sup);
    await sup.getByRole("link", { name: "Review RC-12" }).click();
    const review = new CaseReviewPage(sup);
    await expect(sup.getByRole("heading", { level: 2, name: "Six-condition checklist" })).toBeVisible();
    await expectAccessible(sup);
    await review.comment("Personalisation", "Notice what the silence stirred in you.");
    await review.rateAll("Partly evident");
    await review.decide("Request changes", "Say more about what you felt when the client went quiet.");
    // Back to the queue, with a confirmation.
    await sup.waitForURL("**/reviews?reviewed=changes_requested");
    await expect(sup.getByText("Review recorded: changes requested.", { exact: false })).toBeVisible();
    await sup.goto(`/cases/${caseId}`);
    await expect(sup.getByText("Changes requested").first()).toBeVisible();

    // The trainee is told, sees what to change, revises and resubmits.
    await trainee.goto("/inbox");
    await expect(trainee.getByText(`${org.supervisor.name} asked for changes to your case RC-12.`)).toBeVisible();
    await trainee.goto(`/cases/${caseId}`);
    await expect(trainee.getByText("Say more about what you felt when the client went quiet.").first()).toBeVisible();
    await expect(trainee.getByText("Notice what the silence stirred in you.")).toBeVisible();
    // Beside each condition, the supervisor's rating.
    await expect(trainee.getByText(`${org.supervisor.name}'s rating:`).first()).toBeVisible();
    await expectAccessible(trainee);
    // The trainee answers the supervisor's comment in its thread.
    await trainee.getByRole("button", { name: `Reply to ${org.supervisor.name}'s comment` }).click();
    await trainee.getByLabel(`Your reply to ${org.supervisor.name}'s comment`).fill("It stirred a wish to rescue the session.");
    await trainee.getByRole("button", { name: "Send reply" }).click();
    await expect(trainee.getByText("It stirred a wish to rescue the session.")).toBeVisible();
    await form.field("Your own contribution").fill("I pressed on with the task and felt anxious when the client went quiet, so I filled the silence.");
    await form.submit();
    await trainee.waitForURL(`**/cases/${caseId}?submitted=1`);

    // The supervisor rates the trainee's chosen conditions, quotes the narrative, sees the differences marked, and signs off.
    await review.goto(caseId);
    // The re-review starts from the last one, and shows what changed since it.
    await expect(sup.getByRole("heading", { name: "What changed since version 1, the one last reviewed" })).toBeVisible();
    await expect(sup.locator("ins", { hasText: "felt anxious" }).first()).toBeVisible();
    await expect(sup.getByText("Started from the last review", { exact: false })).toBeVisible();
    await expect(sup.getByText("It stirred a wish to rescue the session.")).toBeVisible();
    await expectAccessible(sup);
    await review.rateAll("Clearly evident");
    await expect(review.condition("c3_congruence").getByText("Differs from the trainee's self-rating (Partly evident).")).toBeVisible();
    await review.quoteSelection("c5_empathy", "ownContribution", "felt anxious when the client went quiet");
    await review.decide("Sign off");
    await sup.waitForURL("**/reviews?reviewed=signed_off");
    await trainee.goto("/inbox");
    await expect(trainee.getByText(`${org.supervisor.name} signed off your case RC-12.`)).toBeVisible();
    await sup.goto(`/cases/${caseId}`);
    await expect(sup.getByText(`Signed off by ${org.supervisor.name} on`, { exact: false })).toBeVisible();
    await expectAccessible(sup);

    // Locked for both.
    await expect(sup.getByRole("link", { name: "Review this case" })).toHaveCount(0);
    await sup.goto(`/reviews/${caseId}`);
    await expect(sup.getByText("This case isn't waiting for review.")).toBeVisible();
    await expect(sup.getByRole("button", { name: "Record review" })).toHaveCount(0);
    await trainee.goto(`/cases/${caseId}`);
    await expect(trainee.getByText("The case is read-only.", { exact: false })).toBeVisible();
    await expect(trainee.getByLabel("What happened")).toHaveCount(0);
    await expect(trainee.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
    await expect(trainee.locator("q", { hasText: "felt anxious when the client went quiet" })).toBeVisible();
    await expectAccessible(trainee);

    // The PDF downloads with the signature block; the versions can be compared.
    const pdf = await trainee.request.get(`/cases/${caseId}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await trainee.getByRole("link", { name: "Compare versions" }).click();
    await expect(trainee.getByRole("heading", { level: 1, name: "Compare version 1 with version 2" })).toBeVisible();
    await expect(trainee.locator("ins", { hasText: "felt anxious" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.goto("/cases");
    await expect(trainee.getByRole("link", { name: "RC-12" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.goto("/cases/insight");
    await expect(trainee.getByRole("heading", { level: 1, name: "My insight" })).toBeVisible();
    await expectAccessible(trainee);
  });

  test("the trainee rates the two conditions most in play, the supervisor adds one, insight ranks no strategy, and an old case still renders", async ({ browser }) => {
    test.setTimeout(180_000);
    const org = await createOrg("E2eCond");
    const trainee = await signedIn(browser, org.trainee);
    const form = new CaseFormPage(trainee);
    await form.gotoNew();
    await expect(trainee.getByLabel("Month")).toHaveCount(0);
    await expect(trainee.getByText("A reflection aid, not a validated measure", { exact: false }).first()).toBeVisible();
    await form.fillSession({ code: "CH-2", session: "2", year: "2025", approach: "Person-centred" });
    await form.fillRupture({ type: "Withdrawal", markers: ["Minimal responses (short answers, silence)"], salience: "2", movement: "Both" });
    await form.field("What happened").fill("The client went quiet when I reflected their anger, and changed the subject.");
    await form.field("Your own contribution").fill("I reflected more than the client was ready to hear.");
    await form.fillResolution({ strategies: ["Clarifies a misunderstanding"], outcome: "Resolved", nextTime: "Go more slowly with strong feelings." });
    await form.fillRisk();
    // None chosen, then all four: each refused with a message next to the choice.
    await form.fillSelfAssessment("Partly evident", []);
    await form.submit();
    await expect(trainee.getByText("Choose the one to three conditions most in play in this rupture.")).toBeVisible();
    await form.chooseConditions(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    await form.submit();
    await expect(trainee.getByText("Choose at most 3: untick the ones least in play in this rupture.")).toBeVisible();
    await expectAccessible(trainee);
    await form.fillSelfAssessment("Partly evident", ["c4_upr", "c6_perceived"]);
    await form.submit();
    await trainee.waitForURL(/\/cases\/[0-9a-f-]{36}\?submitted=1/);
    const caseId = new URL(trainee.url()).pathname.split("/")[2];

    // The supervisor describes c1/c2 (no rating offered), rates the two chosen, adds empathy.
    const sup = await signedIn(browser, org.supervisor);
    const review = new CaseReviewPage(sup);
    await review.goto(caseId);
    await expect(review.condition("c1_contact").getByRole("radio")).toHaveCount(0);
    await expect(sup.locator("[data-rating-open=true]")).toHaveCount(2);
    await expect(sup.getByText("not a validated measure", { exact: false }).first()).toBeVisible();
    await expectAccessible(sup);
    await review.rateAll("Clearly evident");
    await review.addCondition("c5_empathy", "Not evident");
    await review.decide("Sign off");
    await sup.waitForURL("**/reviews?reviewed=signed_off");

    await trainee.goto(`/cases/${caseId}`);
    await expect(trainee.getByText("Added by the supervisor")).toBeVisible();
    await expect(trainee.getByText("Chosen by the trainee")).toHaveCount(2);
    await expect(trainee.getByText("judging by inference", { exact: false }).first()).toBeVisible();
    await expectAccessible(trainee);

    // Insight: strategies counted, not ranked; full condition labels.
    await trainee.goto("/cases/insight");
    await expect(trainee.getByRole("figure", { name: "Strategies you have used" })).toBeVisible();
    await expect(trainee.getByTestId("no-ranking-note")).toBeVisible();
    await expect(trainee.getByText(/resolution rate/i)).toHaveCount(0);
    await expect(trainee.getByText("Where your view and your supervisor's differ")).toBeVisible();
    const empathy = CONDITIONS.find((c) => c.code === "c5_empathy")!.label;
    const label = trainee.getByText(empathy, { exact: true }).first();
    await expect(label).toBeVisible();
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await expectAccessible(trainee);

    // A case written under code lists 2026.1 still renders as it was rated, without its month.
    const old = await seedCase(org, "signed_off", legacyCase(), "2026.1");
    await trainee.goto(`/cases/${old.caseId}`);
    await expect(trainee.getByText("Recorded with the earlier checklist", { exact: false })).toBeVisible();
    await expect(trainee.getByText("Session 6, 2025")).toBeVisible();
    await expect(trainee.getByText(/Session 6, March/)).toHaveCount(0);
    await expect(trainee.getByText("We stayed in contact throughout.").first()).toBeVisible();
    await expect(trainee.getByRole("table", { name: /Conditions for version 1/ }).getByRole("row")).toHaveCount(7);
    await expectAccessible(trainee);
    expect((await trainee.request.get(`/cases/${old.caseId}/pdf`)).status()).toBe(200);
  });

  test("a trainee whose case was signed off while they typed is told, and keeps their text", async ({ browser }) => {
    const org = await createOrg("E2eKeep");
    const d = await seedCase(org, "draft");
    const page = await signedIn(browser, org.trainee);
    await page.goto(`/cases/${d.caseId}`);
    await expect(page.getByLabel("What happened")).toBeVisible();
    // Meanwhile (another tab): submitted, and signed off by the supervisor.
    await advance(org, d.caseId, "signed_off");
    await page.getByLabel("What you would do next time").fill("My new words that must not be lost.");
    await page.getByRole("button", { name: "Save draft now" }).click();
    await expect(page.getByText("This case has just been signed off", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Your text (copy it before you reload)")).toHaveValue(/My new words that must not be lost\./);
    await expect(page.getByLabel("What you would do next time")).toHaveValue("My new words that must not be lost.");
    await expectAccessible(page);
  });

  test("a draft survives a network failure: the trainee is told, the text stays, and it saves on retry", async ({ browser }) => {
    const org = await createOrg("E2eOffline");
    const d = await seedCase(org, "draft");
    const page = await signedIn(browser, org.trainee);
    await page.goto(`/cases/${d.caseId}`);
    await expect(page.getByLabel("What happened")).toBeVisible();
    await page.route(`**/cases/${d.caseId}`, (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    await page.getByLabel("What you would do next time").fill("Words typed while the network was down.");
    await expect(page.getByText("Rapport can't be reached", { exact: false })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("What you would do next time")).toHaveValue("Words typed while the network was down.");
    await page.unroute(`**/cases/${d.caseId}`);
    // Retried without the trainee doing anything.
    await expect(page.getByText(/Draft saved at/)).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(page.getByLabel("What you would do next time")).toHaveValue("Words typed while the network was down.");
  });

  test("a supervisor's feedback that names someone is flagged next to the field until fixed or confirmed", async ({ browser }) => {
    const org = await createOrg("E2eFlag");
    const c = await seedCase(org, "submitted");
    const sup = await signedIn(browser, org.supervisor);
    const review = new CaseReviewPage(sup);
    await review.goto(c.caseId);
    const comment = sup.getByLabel("Comment", { exact: true });
    await sup.getByRole("group", { name: "Focus" }).getByLabel("Intervention", { exact: true }).check();
    await comment.fill("Did you tell Mrs Jane Fairweather about the homework first?");
    await sup.getByRole("button", { name: "Add comment" }).click();
    // The flag sits next to the comment, with what was found; nothing was saved.
    await expect(sup.getByText(/Jane Fairweather”: Looks like a person's name/)).toBeVisible();
    await expect(comment).toHaveAttribute("aria-invalid", "true");
    const confirm = sup.getByLabel("I have checked the flagged details: they don't identify the client or anyone else.");
    await expect(confirm).toBeVisible();
    await expectAccessible(sup);
    // Fixing the text is enough: no need to confirm.
    await comment.fill("Did you tell the client's neighbour about the homework first?");
    await sup.getByRole("button", { name: "Add comment" }).click();
    await expect(sup.getByText("Comment added.")).toBeVisible();
    await expect(sup.getByText("Did you tell the client's neighbour about the homework first?").first()).toBeVisible();
    await expect(sup.getByText("Jane Fairweather")).toHaveCount(0);
  });

  test("other trainees, unassigned supervisors and every role of another organisation get not-found", async ({ browser }) => {
    // About 30 page loads with axe scans: more than the default minute on a busy two-core machine.
    test.setTimeout(300_000);
    const a = await createOrg("E2eAccA");
    const b = await createOrg("E2eAccB");
    const c = await seedCase(a, "signed_off");
    const paths = [`/cases/${c.caseId}`, `/reviews/${c.caseId}`, `/cases/${c.caseId}/versions`, `/trainees/${a.trainee.membershipId}/insight`];
    for (const person of [a.otherTrainee, a.otherSupervisor, b.trainee, b.supervisor, b.admin]) {
      const page = await signedIn(browser, person);
      for (const path of paths) {
        const res = await page.goto(path);
        expect(res?.status(), `${person.name} ${path}`).toBe(404);
        await expect(page.getByText(validCase().whatHappened)).toHaveCount(0);
      }
      const pdf = await page.request.get(`/cases/${c.caseId}/pdf`);
      expect(pdf.status(), `${person.name} pdf`).toBe(404);
      await page.context().close();
    }
    // The organisation's own admin sees the record without the narrative, and no PDF.
    const admin = await signedIn(browser, a.admin);
    await admin.goto(`/cases/${c.caseId}`);
    await expect(admin.getByRole("heading", { level: 1, name: "Case record" })).toBeVisible();
    await expect(admin.getByText(validCase().whatHappened)).toHaveCount(0);
    await expectAccessible(admin);
    expect((await admin.request.get(`/cases/${c.caseId}/pdf`)).status()).toBe(404);
    expect((await admin.goto(`/reviews/${c.caseId}`))?.status()).toBe(404);
    await admin.goto("/cases");
    await expect(admin.getByRole("heading", { level: 1, name: "Cases in your organisation" })).toBeVisible();
    await expectAccessible(admin);
    // The assigned supervisor can see the trainee's insight.
    const sup = await signedIn(browser, a.supervisor);
    await sup.goto(`/trainees/${a.trainee.membershipId}/insight`);
    await expect(sup.getByRole("heading", { level: 1, name: `Insight: ${a.trainee.name}` })).toBeVisible();
    await expectAccessible(sup);
  });
});
