import { expect, test, type Browser, type Page } from "@playwright/test";
import { closeDb } from "@/db/client";
import { addMember, createOrg, createUser, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Supervisor calibration (issue 20): an admin opens a round on an exemplar with three supervisors;
// each reviews it blind with the case review form and then sees the group's results; the admin
// sees agreement and each one's deviations. Trainees cannot reach calibration at all.

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

/** Rates the exemplar's two chosen conditions (c3 congruence, c5 empathy) and decides. */
async function review(page: Page, c3: string, c5: string, decision: "Sign off" | "Request changes") {
  await page.getByTestId("condition-c1_contact").getByLabel("What you noticed (optional)").fill("Contact held, though it thinned.");
  for (const [code, rating] of [
    ["c3_congruence", c3],
    ["c5_empathy", c5],
  ] as const) {
    const box = page.getByTestId(`condition-${code}`);
    await box.getByLabel(rating, { exact: true }).check();
    await box.getByLabel("Evidence").fill("What the narrative shows of it.");
  }
  await page.getByLabel(decision, { exact: true }).check();
  if (decision === "Request changes") await page.getByLabel("What to change").fill("Say what you might have said when the answers got shorter.");
  await page.getByRole("button", { name: "Submit my review" }).click();
  await page.waitForURL(/\?submitted=1/);
}

test.describe("supervisor calibration", () => {
  // A ceiling for a stuck test, not a speed check: four people sign in and axe scans the long
  // review form; on a loaded two-core machine the walk took over five minutes.
  test.describe.configure({ timeout: 900_000 });

  test("an admin opens a round with three supervisors; each reviews blind; the results show agreement and each one's deviations", async ({ browser }) => {
    const org = await createOrg("E2eCalibration");
    const u = await createUser(`Third Supervisor ${org.orgId.slice(0, 4)}`);
    const m = await addMember(org.orgId, u.id, "supervisor");
    const third: TestUser = { userId: u.id, membershipId: m.id, email: u.email, name: u.name, role: "supervisor" };
    const supervisors = [org.supervisor, org.otherSupervisor, third];

    const admin = await signedIn(browser, org.admin);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Supervisor calibration" })).toBeVisible();
    await expect(admin.getByText("No calibration rounds yet.", { exact: false })).toBeVisible();
    await expectAccessible(admin);

    await admin.getByRole("link", { name: "Reference cases" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Reference cases" })).toBeVisible();
    await expect(admin.getByText("No case is waiting to be copied.")).toBeVisible();
    await expectAccessible(admin);

    await admin.goto("/calibration/new");
    await expect(admin.getByRole("heading", { level: 1, name: "Open a calibration round" })).toBeVisible();
    await expectAccessible(admin);
    // Nothing chosen: each field says what to do, and nothing is opened.
    await admin.getByRole("button", { name: "Open the round" }).click();
    await expect(admin.getByText("Name the round", { exact: false }).first()).toBeVisible();
    await expect(admin.getByText("Invite at least 2 supervisors", { exact: false })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByLabel("Name of the round").fill("Autumn calibration");
    await admin.getByLabel("Going along with the homework", { exact: false }).check();
    for (const s of supervisors) await admin.getByLabel(s.name, { exact: true }).check();
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.waitForURL(/\/calibration\/[0-9a-f-]{36}\?opened=1/);
    await expect(admin.getByText("Round opened.", { exact: false })).toBeVisible();
    await expect(admin.getByText("0 of 3 reviews submitted", { exact: false })).toBeVisible();
    await expectAccessible(admin);
    const roundUrl = admin.url().split("?")[0];

    const ratings: [string, string, "Sign off" | "Request changes"][] = [
      ["Partly evident", "Not evident", "Request changes"],
      ["Clearly evident", "Not evident", "Sign off"],
      ["Partly evident", "Partly evident", "Request changes"],
    ];
    for (const [i, s] of supervisors.entries()) {
      const page = await signedIn(browser, s);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
      await expect(page.getByText("Waiting for your review")).toBeVisible();
      // Each page is scanned once, with the first supervisor (the others see the same pages).
      const scan = i === 0;
      if (scan) await expectAccessible(page);
      await page.getByRole("link", { name: "Autumn calibration" }).click();
      await expect(page.getByRole("heading", { name: "Six-condition checklist" })).toBeVisible();
      // Blind: before submitting, no rating of anyone's, no results, no reference review.
      await expect(page.getByTestId("overall-alpha")).toHaveCount(0);
      await expect(page.getByTestId("reference-review")).toHaveCount(0);
      if (scan) await expectAccessible(page);
      await review(page, ...ratings[i]);
      await expect(page.getByText("Your review is submitted.", { exact: false })).toBeVisible();
      await expect(page.getByTestId("overall-alpha")).toBeVisible();
      await expect(page.getByTestId("deviation-row")).toHaveCount(i + 1);
      await expect(page.getByTestId("reference-review")).toBeVisible();
      await expect(page.getByTestId("deviation-row").filter({ hasText: `${s.name} (you)` })).toHaveCount(1);
      if (scan) await expectAccessible(page);
      await page.context().close();
    }

    await admin.goto(roundUrl);
    await expect(admin.getByText("3 of 3 reviews submitted", { exact: false })).toBeVisible();
    // c3: partly, clearly, partly (median partly); c5: not, not, partly (median not): alpha over the conditions.
    await expect(admin.getByTestId("overall-alpha")).toContainText(/Krippendorff's alpha \(ordinal\): -?\d\.\d{3}/);
    await expect(admin.getByTestId("overall-reading")).not.toBeEmpty();
    const rows = admin.getByTestId("deviation-row");
    await expect(rows).toHaveCount(3);
    const rowOf = (s: TestUser) => rows.filter({ has: admin.getByRole("rowheader", { name: s.name, exact: true }) });
    await expect(rowOf(org.otherSupervisor)).toContainText("One step above the group's median");
    await expect(rowOf(third)).toContainText("One step above the group's median");
    await expect(rowOf(org.supervisor)).toContainText("Same as the group's median");
    await expect(rowOf(org.supervisor)).not.toContainText("above");
    await expect(admin.getByText("2 would request changes, 1 would sign off", { exact: false })).toBeVisible();
    await admin.getByLabel("Discussion note").fill("We differed on congruence: agreed to rate what the narrative shows, not intentions.");
    await admin.getByRole("button", { name: "Save the note" }).click();
    await expect(admin.getByText("Discussion note saved.")).toBeVisible();
    await expectAccessible(admin);

    await admin.getByRole("button", { name: "Close the round" }).click();
    await expect(admin.getByRole("dialog")).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Close “Autumn calibration”" }).click();
    await expect(admin.getByText("Closed", { exact: false }).first()).toBeVisible();
    await expect(admin.getByRole("button", { name: "Close the round" })).toHaveCount(0);

    await admin.goto("/calibration/trend");
    await expect(admin.getByRole("heading", { level: 1, name: "Agreement over time" })).toBeVisible();
    await expect(admin.getByTestId("trend-row")).toHaveCount(1);
    await expectAccessible(admin);
  });

  test("a trainee cannot reach calibration: every page is not found, and there is no navigation item", async ({ browser }) => {
    const org = await createOrg("E2eCalTrainee");
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/calibration/new");
    await admin.getByLabel("Name of the round").fill("Not for trainees");
    await admin.getByLabel("Late, then quiet", { exact: false }).check();
    for (const s of [org.supervisor, org.otherSupervisor]) await admin.getByLabel(s.name, { exact: true }).check();
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.waitForURL(/\/calibration\/[0-9a-f-]{36}\?opened=1/);
    const roundPath = new URL(admin.url()).pathname;

    const trainee = await signedIn(browser, org.trainee);
    await expect(trainee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" })).toHaveCount(0);
    for (const path of ["/calibration", "/calibration/new", "/calibration/references", "/calibration/trend", roundPath]) {
      const res = await trainee.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(trainee.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
    await expectAccessible(trainee);
  });
});
