import { expect, test, type Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { notificationPreferences, outbox, supervisions } from "@/db/schema";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { createOrg, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { CaseFormPage } from "../pages/cases-form-page";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";
import { pickPerson } from "./support/pick";

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

async function fillCase(form: CaseFormPage, code: string, narrative: string) {
  await form.gotoNew();
  await form.fillSession({ code, session: "3", year: "2025", approach: "Cognitive behavioural therapy (CBT)" });
  await form.fillRupture({ type: "Withdrawal", markers: ["Minimal responses (short answers, silence)"], salience: "3", movement: "The client" });
  await form.field("What happened").fill(narrative);
  await form.field("Your own contribution").fill("I moved on too quickly when the client went quiet.");
  await form.fillResolution({ strategies: ["Invites the client's thoughts and feelings about the therapist or therapy"], outcome: "Partly resolved", nextTime: "Slow down and ask." });
  await form.fillSelfAssessment("Partly evident");
}

test.describe("the supervision loop", () => {
  // Each test signs in two or three people and scans several pages with axe: close to the default
  // minute alone, and past it on a loaded two-core machine.
  test.describe.configure({ timeout: 120_000 });

  test("a trainee with no supervisor is told so, can't leave a case unseen, and the admin routes it", async ({ browser }) => {
    const org = await createOrg("E2eOrphan");
    const db = await getDb();
    await db.delete(supervisions).where(eq(supervisions.organisationId, org.orgId));
    const trainee = await signedIn(browser, org.trainee);
    const form = new CaseFormPage(trainee);
    await fillCase(form, "OR-1", "The client went quiet when I set the homework and said little after that.");
    await expect(trainee.getByText("You have no active supervisor yet")).toBeVisible();
    await form.fillRisk();
    await form.submit();
    await expect(trainee.getByText("ask your organisation's admin to assign you a supervisor", { exact: false }).first()).toBeVisible();
    // Scan once the submit button has settled back from "Submitting…" (its colour transition made axe flaky).
    await expect(trainee.getByRole("button", { name: "Submit for review" })).toBeEnabled();
    await trainee.waitForTimeout(300);
    await expectAccessible(trainee);

    // The admin sees the trainee on home, and assigns a supervisor in one click.
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/home");
    await expect(admin.getByRole("heading", { name: "Needs a supervisor" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("link", { name: `Assign a supervisor to ${org.trainee.name}` }).click();
    await expect(admin).toHaveURL(new RegExp(`/admin/members/${org.trainee.membershipId}`));
    await pickPerson(admin, "Assign a supervisor", org.supervisor);
    await admin.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(admin.getByText("Supervisor assigned.", { exact: true })).toBeVisible();
    await admin.goto("/home");
    // The org's other trainee (createOrg gives them no supervisor) still needs one: only this trainee's entry goes.
    await expect(admin.getByRole("link", { name: `Assign a supervisor to ${org.trainee.name}` })).toHaveCount(0);

    // Now the submission goes through, to that supervisor's queue.
    await trainee.reload();
    await expect(trainee.getByText("You have no active supervisor yet")).toHaveCount(0);
    await form.submit();
    await trainee.waitForURL(/\?submitted=1/);
    await expect(trainee.getByRole("heading", { name: "Who can read this case" })).toBeVisible();
    await expect(trainee.getByText(`${org.supervisor.name}: can read it`)).toBeVisible();
    const sup = await signedIn(browser, org.supervisor);
    await sup.goto("/reviews");
    await expect(sup.getByRole("link", { name: "Review OR-1" })).toBeVisible();
  });

  test("a narrative that discloses risk prompts the Risk section; the case is urgent at the top of the queue until seen", async ({ browser }) => {
    const org = await createOrg("E2eRisk");
    // Email turned off for everything that can be turned off.
    const db0 = await getDb();
    for (const p of [org.supervisor, org.admin]) {
      await db0.insert(notificationPreferences).values(NOTIFICATION_KINDS.filter((k) => k !== "case_risk").map((kind) => ({ organisationId: org.orgId, membershipId: p.membershipId, kind, channel: "in_app" })));
    }
    const trainee = await signedIn(browser, org.trainee);
    const form = new CaseFormPage(trainee);
    await fillCase(form, "RK-1", "Near the end she told me she had been saving up her tablets and didn't see the point in going on.");
    await expect(trainee.getByText("This may describe a risk to someone")).toBeVisible();
    await expect(trainee.locator("mark", { hasText: "saving up her tablets" }).first()).toBeAttached();
    await expect(trainee.getByText("Some of what you wrote may describe a risk")).toBeVisible();
    await expect(trainee.getByText("Rapport is not for urgent concerns", { exact: false }).first()).toBeVisible();
    // Recording a risk needs who, when and what was done.
    await form.fillRisk({ level: "Yes, the client disclosed a risk" });
    await form.submit();
    await expect(trainee.getByText("Tick the kind of risk (at least one).")).toBeVisible();
    await expect(trainee.getByText("Say what was done", { exact: false }).first()).toBeVisible();
    await expectAccessible(trainee);
    await form.fillRisk({ level: "Yes, the client disclosed a risk", kind: "Suicide or self-harm" });
    await form.submit();
    await trainee.waitForURL(/\?submitted=1/);

    // Supervisor and admin are told at once, by email too, even when they chose in-app only.
    const db = await getDb();
    for (const p of [org.supervisor, org.admin]) {
      const risk = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.to, p.email), eq(outbox.kind, "notification.case_risk")));
      expect(risk, p.email).toHaveLength(1);
    }
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/inbox");
    await expect(admin.getByText(`Urgent: ${org.trainee.name}'s case RK-1 records or suggests a risk to someone.`)).toBeVisible();
    const sup = await signedIn(browser, org.supervisor);
    await sup.goto("/reviews");
    const urgent = sup.getByRole("region", { name: /Urgent: risk recorded or suggested/ });
    await expect(urgent.getByRole("link", { name: "Review RK-1" })).toBeVisible();
    await expectAccessible(sup);
    await urgent.getByRole("link", { name: "Review RK-1" }).click();
    await expect(sup.getByRole("heading", { name: /Risk recorded by the trainee/ })).toBeVisible();
    await sup.getByRole("button", { name: "I have seen this risk" }).click();
    await expect(sup.getByText("Say what you did or will do", { exact: false }).first()).toBeVisible();
    await sup.getByLabel("What you did or will do").fill("Rang the trainee; the client has a safety plan and a GP appointment.");
    await sup.getByRole("button", { name: "I have seen this risk" }).click();
    await expect(sup.getByText("The risk in this version has been acknowledged.")).toBeVisible();
    await expectAccessible(sup);
    await sup.goto("/reviews");
    await expect(sup.getByRole("region", { name: /Urgent/ })).toHaveCount(0);
    await expect(sup.getByRole("link", { name: "Review RK-1" })).toBeVisible();

    // The caseload lists it with the trainee's other cases; filters work.
    await sup.goto("/caseload");
    await expect(sup.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    await expect(sup.getByRole("link", { name: "RK-1" })).toBeVisible();
    await expectAccessible(sup);
    await sup.getByLabel("Status").selectOption({ label: "Signed off" });
    await sup.getByRole("button", { name: "Filter" }).click();
    await expect(sup.getByText("No cases match these filters.")).toBeVisible();
  });
});
