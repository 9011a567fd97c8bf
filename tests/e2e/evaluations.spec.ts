import { expect, test, type Browser, type Page } from "@playwright/test";
import { and, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { evaluationForms, evaluationFormVersions, evaluationRounds, evaluations, supervisions } from "@/db/schema";
import { competenciesOf } from "@/lib/evaluations/definition";
import { STARTER_FORM } from "@/lib/evaluations/starter-form";
import { createOrg, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { cohortWith, insertForm, seedEvaluation } from "../fixtures/evaluations";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Competency evaluations (issue 17): an admin builds and edits forms; a round runs from opening
// (by a supervisor, for a cohort) through both sides, the side-by-side view, both signatures and
// a trainee's disagreement, to the reports. axe on every new page.

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

const COMPETENCIES = competenciesOf(STARTER_FORM);
const label = (value: string) => STARTER_FORM.scale.points.find((p) => String(p.value) === value)!;

/** Rates every competency of the starter form on the page (all `value`, except the overrides). */
async function rateAll(page: Page, value: string, overrides: Record<string, string> = {}, skip: string[] = []) {
  for (const c of COMPETENCIES) {
    if (skip.includes(c.code)) continue;
    const v = overrides[c.code] ?? value;
    const p = label(v);
    await page.getByTestId(`competency-${c.code}`).getByLabel(`${p.value} · ${p.label}`).check();
  }
}

test.describe("competency evaluations", () => {
  // A ceiling for a stuck test, not a speed check: the round's walk signs in four people and scans
  // a page of some 150 radio buttons with axe several times, which took over four minutes on a
  // loaded two-core machine.
  test.describe.configure({ timeout: 600_000 });

  test("an admin adds the starter form, builds a form, and an edit of a form in use becomes a new version", async ({ browser }) => {
    const org = await createOrg("E2eEvalForms");
    const admin = await signedIn(browser, org.admin);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evaluations" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Competency evaluations" })).toBeVisible();
    await expect(admin.getByText("No rounds yet.", { exact: false })).toBeVisible();
    await expectAccessible(admin);

    await admin.getByRole("navigation", { name: "Evaluations" }).getByRole("link", { name: "Forms" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Evaluation forms" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Add Rapport's starter form" }).click();
    await admin.waitForURL(/\/evaluations\/forms\/[0-9a-f-]+\?saved=starter/);
    await expect(admin.getByText("Rapport's starter form is now among your forms.", { exact: false })).toBeVisible();
    await expect(admin.getByLabel("Domain", { exact: true }).first()).toHaveValue("Alliance and relationship skills");
    await expectAccessible(admin);
    const starterUrl = admin.url().split("?")[0];

    // Build a new form: empty, it is refused field by field and nothing is saved.
    await admin.goto("/evaluations/forms/new");
    await expect(admin.getByRole("heading", { level: 1, name: "Build an evaluation form" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Create the form" }).click();
    await expect(admin.getByText("Give the form a name", { exact: false })).toBeVisible();
    await expect(admin.getByText("Name the domain.")).toBeVisible();
    await expect(admin.getByText("Name the competency.")).toBeVisible();
    await expectAccessible(admin);
    const db = await getDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(evaluationForms).where(eq(evaluationForms.organisationId, org.orgId)))[0].n;
    expect(await count()).toBe(1);
    await admin.getByLabel("Form name").fill("Placement review (our own)");
    await admin.getByLabel("Domain", { exact: true }).fill("Counselling skills");
    await admin.getByLabel("Competency", { exact: true }).fill("Reflects feeling accurately");
    await admin.getByRole("button", { name: "Add a competency to domain 1" }).click();
    await admin.getByLabel("Competency", { exact: true }).nth(1).fill("Summarises at useful moments");
    await admin.getByRole("button", { name: "Add a domain" }).click();
    await admin.getByLabel("Domain", { exact: true }).nth(1).fill("Professional conduct");
    await admin.getByLabel("Competency", { exact: true }).nth(2).fill("Arrives prepared");
    await admin.getByRole("button", { name: "Create the form" }).click();
    await admin.waitForURL(/\/evaluations\/forms\/[0-9a-f-]+\?saved=created/);
    await expect(admin.getByText("Form created.", { exact: false })).toBeVisible();
    await expect(admin.getByLabel("Competency", { exact: true })).toHaveCount(3);
    expect(await count()).toBe(2);

    // The starter form is used by a round: saving an edit creates version 2.
    const [starter] = await db.select().from(evaluationForms).where(and(eq(evaluationForms.organisationId, org.orgId), eq(evaluationForms.source, "starter")));
    const [version] = await db.select().from(evaluationFormVersions).where(eq(evaluationFormVersions.formId, starter.id));
    const cohort = await cohortWith(org.orgId, [org.trainee]);
    await db.insert(evaluationRounds).values({ organisationId: org.orgId, name: "Earlier round", formVersionId: version.id, cohortId: cohort.id, openedByMembershipId: org.admin.membershipId });
    await admin.goto(starterUrl);
    await expect(admin.getByText("Version 1 is in use")).toBeVisible();
    await admin.getByLabel("Competency", { exact: true }).first().fill("Builds and sustains a working relationship");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByText("Saved as version 2.", { exact: false })).toBeVisible();
    const versions = admin.getByRole("region", { name: "Versions of this form" });
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expectAccessible(admin);
    await admin.goto("/evaluations/forms");
    await expect(admin.getByRole("row", { name: /Rapport competency evaluation \(starter\) 2 1/ })).toBeVisible();
  });

  test("a round runs from opening to both signatures, with the side-by-side view and a trainee's disagreement", async ({ browser }) => {
    const org = await createOrg("E2eEvalRound");
    const form = await insertForm(org.orgId, STARTER_FORM, "Placement competencies");
    await cohortWith(org.orgId, [org.trainee, org.otherTrainee], "2027 intake");

    // The supervisor opens a round for the cohort: only their own trainee is included.
    const sup = await signedIn(browser, org.supervisor);
    await sup.goto("/evaluations");
    await expectAccessible(sup);
    await sup.getByRole("link", { name: "Open a round" }).first().click();
    await expect(sup.getByRole("heading", { level: 1, name: "Open an evaluation round" })).toBeVisible();
    await sup.getByRole("button", { name: "Open the round" }).click();
    await expect(sup.getByText("Choose the cohort to evaluate.")).toBeVisible();
    await expect(sup.getByText("Name the round, like “Mid-placement”.")).toBeVisible();
    await expectAccessible(sup);
    await sup.getByLabel("Form").selectOption({ label: "Placement competencies (version 1)" });
    await sup.getByLabel("Cohort").selectOption({ label: "2027 intake (1 trainee of yours)" });
    await sup.getByLabel("Name of the round").fill("Mid-placement");
    await sup.getByRole("button", { name: "Open the round" }).click();
    await sup.waitForURL(/\/evaluations\/rounds\/[0-9a-f-]+\?opened=1/);
    await expect(sup.getByText("1 evaluation created", { exact: false })).toBeVisible();
    await expect(sup.getByRole("row", { name: new RegExp(org.trainee.name) })).toContainText("Your evaluation is due");
    await expectAccessible(sup);
    const db = await getDb();
    const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.organisationId, org.orgId));
    expect(round.formVersionId).toBe(form.versionId);
    const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.roundId, round.id));

    // The trainee is told, finds it, saves a draft, is stopped on an unrated competency, then submits.
    const trainee = await signedIn(browser, org.trainee);
    await trainee.goto("/inbox");
    await expect(trainee.getByText("Your self-evaluation for “Mid-placement” is open.")).toBeVisible();
    await trainee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evaluations" }).click();
    await expect(trainee.getByRole("row", { name: /Mid-placement/ })).toContainText("Your self-evaluation is due");
    await expectAccessible(trainee);
    await trainee.getByRole("link", { name: "Mid-placement" }).click();
    await expect(trainee.getByRole("heading", { level: 1, name: "Self-evaluation: Mid-placement" })).toBeVisible();
    await rateAll(trainee, "3", { ethics__risk: "5" }, ["documentation__privacy"]);
    await trainee.getByRole("button", { name: "Save draft" }).click();
    await expect(trainee.getByText("Draft saved", { exact: false })).toBeVisible();
    await trainee.getByRole("button", { name: "Submit my self-evaluation" }).click();
    await expect(trainee.getByText("Some answers are missing.", { exact: false })).toBeVisible();
    await expect(trainee.getByTestId("competency-documentation__privacy").getByText("Rate “Protects client information”, or choose “Not observed”.")).toBeVisible();
    await expectAccessible(trainee);
    await trainee.getByTestId("competency-documentation__privacy").getByLabel("Not observed").check();
    await trainee.getByLabel("Overall comment (optional)").fill("I am more confident with risk than with documentation.");
    await trainee.getByRole("button", { name: "Submit my self-evaluation" }).click();
    await expect(trainee.getByText("You submitted your side", { exact: false })).toBeVisible();
    await expectAccessible(trainee);

    // The supervisor does not see the trainee's answers before submitting their own.
    await sup.goto(`/evaluations/${evaluation.id}`);
    await expect(sup.getByRole("heading", { name: `Your evaluation of ${org.trainee.name}` })).toBeVisible();
    await expect(sup.getByText("I am more confident with risk")).toHaveCount(0);
    await expect(sup.getByTestId("side-by-side")).toHaveCount(0);
    await rateAll(sup, "4", { ethics__risk: "2" });
    await sup.getByRole("button", { name: "Submit my evaluation" }).click();
    await expect(sup.getByText("Choose your overall recommendation.")).toBeVisible();
    await sup.getByLabel("Ready to progress, with a development plan for the areas noted").check();
    await sup.getByLabel("Overall comment (optional)").fill("Solid relational work; risk assessment needs more structure.");
    await sup.getByRole("button", { name: "Submit my evaluation" }).click();

    // Both in: side by side, with the widest gap called out in words.
    await expect(sup.getByRole("heading", { name: "Both sides, side by side" })).toBeVisible();
    const risk = sup.getByTestId("row-ethics__risk");
    await expect(risk).toContainText("5 · Consistently independent");
    await expect(risk).toContainText("2 · Emerging");
    await expect(risk).toContainText("3 points apart: worth discussing");
    await expect(sup.getByText("I am more confident with risk than with documentation.")).toBeVisible();
    await expectAccessible(sup);

    // The supervisor signs (their own name only).
    await sup.getByLabel("Type your full name to sign").fill("Someone Else");
    await sup.getByLabel("I have read this evaluation, and I sign it with my typed name").check();
    await sup.getByRole("button", { name: "Sign the evaluation" }).click();
    await expect(sup.getByText(`Type your name as it appears on your account: ${org.supervisor.name}.`)).toBeVisible();
    await sup.getByLabel("Type your full name to sign").fill(org.supervisor.name);
    await sup.getByRole("button", { name: "Sign the evaluation" }).click();
    await expect(sup.getByText(`signed as “${org.supervisor.name}”`, { exact: false })).toBeVisible();
    await expect(sup.getByRole("button", { name: "Sign the evaluation" })).toHaveCount(0);

    // The trainee reads both, records a disagreement and signs: the evaluation locks.
    await trainee.goto("/inbox");
    await expect(trainee.getByText(`${org.supervisor.name} signed the “Mid-placement” evaluation.`)).toBeVisible();
    await trainee.goto(`/evaluations/${evaluation.id}`);
    await expect(trainee.getByTestId("row-ethics__risk")).toContainText("3 points apart");
    await expect(trainee.getByText("Solid relational work; risk assessment needs more structure.")).toBeVisible();
    await expectAccessible(trainee);
    await trainee.getByLabel("I want to record a disagreement with this evaluation").check();
    await trainee.getByRole("button", { name: "Sign the evaluation" }).click();
    await expect(trainee.getByText("Write what you disagree with and why", { exact: false })).toBeVisible();
    await trainee.getByLabel("What you disagree with, and why").fill("I have completed two risk assessments on my own this term; I see this as established.");
    await trainee.getByLabel("Type your full name to sign").fill(org.trainee.name);
    await trainee.getByLabel("I have read this evaluation, and I sign it with my typed name").check();
    await trainee.getByRole("button", { name: "Sign the evaluation" }).click();
    await expect(trainee.getByText("Signed by both and locked", { exact: true }).first()).toBeVisible();
    await expect(trainee.getByRole("heading", { name: "Disagreement recorded by the trainee" })).toBeVisible();
    await expectAccessible(trainee);
    const pdf = await trainee.request.get(`/evaluations/${evaluation.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const [locked] = await db.select().from(evaluations).where(eq(evaluations.id, evaluation.id));
    expect(locked.lockedAt).not.toBeNull();

    // The supervisor hears of the disagreement and sees it on the locked record.
    await sup.goto("/inbox");
    await expect(sup.getByText(`${org.trainee.name} signed the “Mid-placement” evaluation and recorded a disagreement.`)).toBeVisible();
    await sup.goto(`/evaluations/${evaluation.id}`);
    await expect(sup.getByText("I have completed two risk assessments on my own this term", { exact: false })).toBeVisible();
    await expect(sup.getByRole("link", { name: "Download PDF" })).toBeVisible();

  });

  test("an admin opens a round for a whole cohort and chooses the evaluator for a trainee without one", async ({ browser }) => {
    const org = await createOrg("E2eEvalAdmin");
    await insertForm(org.orgId, STARTER_FORM, "Placement competencies");
    await cohortWith(org.orgId, [org.trainee, org.otherTrainee], "2027 intake");
    const db = await getDb();
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/evaluations/rounds/new");
    await admin.getByLabel("Form").selectOption({ label: "Placement competencies (version 1)" });
    await admin.getByLabel("Cohort").selectOption({ label: "2027 intake (2 trainees)" });
    await admin.getByLabel("Name of the round").fill("End of placement");
    await admin.getByLabel("Due date (optional)").fill("2027-11-30");
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.waitForURL(/\/evaluations\/rounds\/[0-9a-f-]+\?opened=2&unassigned=1/);
    await expect(admin.getByText("1 trainee has no supervisor yet", { exact: false })).toBeVisible();
    await expect(admin.getByRole("heading", { level: 1, name: "End of placement" })).toBeVisible();
    await expect(admin.getByText("due 30 Nov 2027", { exact: false })).toBeVisible();
    await expect(admin.getByText(`No supervisor assigned to ${org.otherTrainee.name}.`, { exact: false })).toBeVisible();
    await expectAccessible(admin);
    // Once the admin assigns a supervisor to the trainee, they can name them the evaluator.
    await db.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId });
    await admin.reload();
    const row = admin.getByRole("row", { name: new RegExp(org.otherTrainee.name) });
    await row.getByLabel(`Evaluator for ${org.otherTrainee.name}`).selectOption({ label: org.otherSupervisor.name });
    await row.getByRole("button", { name: "Save evaluator" }).click();
    await expect(admin.getByText(`Evaluator for ${org.otherTrainee.name} saved.`)).toBeVisible();
    const other = await signedIn(browser, org.otherSupervisor);
    await other.goto("/inbox");
    await expect(other.getByText(`You are asked to evaluate ${org.otherTrainee.name} for “End of placement”.`)).toBeVisible();
  });

  test("reports: a trainee's ratings over time, a cohort's distribution per competency, and the CSV", async ({ browser }) => {
    const org = await createOrg("E2eEvalReports");
    const { roundId, evaluationId } = await seedEvaluation(org, "locked");
    const db = await getDb();
    const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, roundId));
    const trainee = await signedIn(browser, org.trainee);
    await trainee.goto("/evaluations");
    await trainee.getByRole("link", { name: "Your ratings over time" }).click();
    await expect(trainee.getByRole("heading", { level: 1, name: "Your ratings over time" })).toBeVisible();
    await expect(trainee.getByRole("row", { name: /Assesses and responds to risk/ })).toContainText("3 / 4");
    await expect(trainee.getByRole("link", { name: round.name })).toHaveAttribute("href", `/evaluations/${evaluationId}`);
    await expectAccessible(trainee);

    const admin = await signedIn(browser, org.admin);
    await admin.goto(`/evaluations/rounds/${roundId}`);
    await expect(admin.getByRole("row", { name: new RegExp(org.trainee.name) })).toContainText("Signed by both and locked");
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Cohort report for this round" }).click();
    await expect(admin.getByText("1 of 1 evaluations with both sides submitted", { exact: false })).toBeVisible();
    const ethics = admin.getByRole("region", { name: "Ethics and risk: distribution" });
    await expect(ethics.getByRole("row", { name: /Assesses and responds to risk/ }).first()).toBeVisible();
    await expectAccessible(admin);
    await admin.goto("/evaluations/reports");
    await expect(admin.getByRole("link", { name: round.name })).toBeVisible();
    await expectAccessible(admin);
    const csv = await admin.request.get(`/evaluations/reports/export.csv?round=${roundId}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = (await csv.body()).subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("round,cohort,form,form_version,trainee,trainee_email,supervisor,side,domain,competency,rating,rating_label,comment,recommendation,signed_and_locked");
    expect(text).toContain(`${round.name},`);
    expect(text).toContain(`${org.trainee.name},${org.trainee.email},${org.supervisor.name},supervisor,Ethics and risk,Assesses and responds to risk,4,4 · Established,,Ready to progress to the next stage of placement,yes`);
    // Another organisation's round is not found, in the report and the export.
    const other = await createOrg("E2eEvalReportsB");
    const otherAdmin = await signedIn(browser, other.admin);
    expect((await otherAdmin.goto(`/evaluations/reports?round=${roundId}`))?.status()).toBe(404);
    expect((await otherAdmin.request.get(`/evaluations/reports/export.csv?round=${roundId}`)).status()).toBe(404);
  });
});
