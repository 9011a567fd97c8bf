import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { closeDb, getDb } from "@/db/client";
import { supervisions } from "@/db/schema";
import { addDays, shortDay, today, weekStart } from "@/lib/hours/days";
import { createOrg, TEST_PASSWORD, uid, type TestUser } from "../fixtures/factory";
import { adoptSet, placeTrainee } from "../fixtures/hours";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Practicum hours as people use them: a trainee logs a week in the grid and imports a spreadsheet,
// submits; the supervisor returns one entry and approves the rest in one action; the trainee fixes
// and resubmits; progress and the signed PDF show the right totals. Then a supervision session's
// attendance appears in both attendees' ledgers. axe on every new page.

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

test.describe("practicum hours", () => {
  // A ceiling for a stuck test, not a speed check: each test signs in up to four people and scans
  // a dozen pages with axe, and on a loaded two-core machine that has taken several minutes.
  test.describe.configure({ timeout: 480_000 });

  test("log a week, import, submit; return one and approve the rest; fix and resubmit; progress and the signed PDF agree", async ({ browser }) => {
    const org = await createOrg("E2eHours");
    const site = `Northside Clinic ${uid()}`;
    await placeTrainee(org.orgId, org.trainee, [org.supervisor], { siteName: site });
    await adoptSet(org.orgId, "pacfa-training-2026");
    const lastMonday = weekStart(addDays(today(), -7));
    const day = (n: number) => addDays(lastMonday, n);

    // The week grid.
    const trainee = await signedIn(browser, org.trainee);
    await trainee.goto("/hours");
    await expect(trainee.getByRole("heading", { name: "Your hours" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.goto(`/hours/week?start=${lastMonday}`);
    await expect(trainee.getByRole("heading", { name: /^Week of / })).toBeVisible();
    await expectAccessible(trainee);
    const cell = (category: string, d: string) => trainee.getByLabel(`${site}, ${category}, ${shortDay(d)}`);
    await cell("Direct client contact: individual", day(0)).fill("2:00");
    await cell("Indirect: notes and records", day(1)).fill("0:30");
    await cell("Direct client contact: group", day(2)).fill("1.5");
    await cell("Direct client contact: group", day(3)).fill("lots");
    await trainee.getByRole("button", { name: "Save week" }).click();
    await expect(trainee.getByText(/cell isn't a duration we can read/)).toBeVisible();
    await cell("Direct client contact: group", day(3)).fill("");
    await trainee.getByRole("button", { name: "Save week" }).click();
    await expect(trainee.getByText("Week saved: 3 added, 0 changed, 0 removed.", { exact: false })).toBeVisible();

    // This week offers last week's hours to copy (not saved here).
    await trainee.goto("/hours/week");
    await trainee.getByRole("button", { name: /^Copy last week \(4 h\)/ }).click();
    await expect(trainee.getByLabel(`${site}, Direct client contact: individual, ${shortDay(weekStart(today()))}`)).toHaveValue("2:00");

    // Import a spreadsheet with good and bad rows.
    await trainee.goto("/hours/import");
    await expectAccessible(trainee);
    const csv = ["date,duration,category,placement,note", `${day(3)},1:00,direct_couple_family,,`, `${day(4)},0:45,Case notes,${site},Session notes`, `${addDays(today(), 3)},1:00,direct_individual,,`, `${day(4)},abc,direct_individual,,`].join("\n");
    await trainee.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "my-hours.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await trainee.getByRole("button", { name: "Check file" }).click();
    await expect(trainee.getByTestId("preview-summary")).toHaveText("2 ready to add, 0 already imported, 2 with problems. Nothing has been saved yet.");
    await expect(trainee.getByTestId("preview-error")).toHaveCount(2);
    await expect(trainee.getByTestId("preview-error").filter({ hasText: "in the future" })).toHaveCount(1);
    await expect(trainee.getByTestId("preview-error").filter({ hasText: "isn't a duration we can read" })).toHaveCount(1);
    await expectAccessible(trainee);
    await trainee.getByRole("button", { name: "Import 2 valid rows" }).click();
    await expect(trainee.getByTestId("import-summary")).toHaveText("2 added, 0 skipped, 2 not imported.");

    // Submit all five drafts.
    await trainee.goto("/hours");
    await expect(trainee.getByTestId("ledger-row")).toHaveCount(5);
    await trainee.getByRole("button", { name: "Submit 5 chosen for approval" }).click();
    await expect(trainee.getByText("5 entries sent to your supervisor for approval.")).toBeVisible();

    // The supervisor returns one entry, then approves the rest of the week in one action.
    const sup = await signedIn(browser, org.supervisor);
    await sup.goto("/hours");
    await expect(sup.getByTestId("queue-entry")).toHaveCount(5);
    await expectAccessible(sup);
    await sup.getByLabel(`Choose ${org.trainee.name}, ${shortDay(day(2))}, Direct client contact: group, 1 h 30 min`).check();
    await sup.getByLabel("Reason for returning").fill("The group ran for an hour, not an hour and a half.");
    await sup.getByRole("button", { name: "Return chosen" }).click();
    await expect(sup.getByText("Returned 1 entry to the trainee.")).toBeVisible();
    await expect(sup.getByTestId("queue-entry")).toHaveCount(4);
    await sup.getByLabel("Choose the whole week").check();
    await expect(sup.getByTestId("chosen-summary")).toHaveText("4 chosen (4 h 15 min)");
    await sup.getByLabel("Your full name, to sign").fill(org.supervisor.name);
    await sup.getByRole("button", { name: "Approve chosen" }).click();
    await expect(sup.getByText("Approved 4 entries (4 h 15 min).")).toBeVisible();
    await expect(sup.getByTestId("queue-empty")).toBeVisible();

    // The trainee fixes the returned entry and resubmits it.
    await trainee.goto("/hours?status=returned");
    await expect(trainee.getByText("Returned: The group ran for an hour, not an hour and a half.")).toBeVisible();
    await trainee.getByRole("link", { name: shortDay(day(2)) }).click();
    await expect(trainee.getByRole("heading", { name: "Fix and resubmit" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.getByLabel("Duration").fill("1:00");
    await trainee.getByRole("button", { name: "Save changes" }).click();
    await expect(trainee.getByText("Changes saved.")).toBeVisible();
    await trainee.goto("/hours");
    await trainee.getByRole("button", { name: "Submit 1 chosen for approval" }).click();
    await expect(trainee.getByText("1 entry sent to your supervisor for approval.")).toBeVisible();

    await sup.reload();
    await sup.getByLabel("Choose the whole week").check();
    await sup.getByLabel("Your full name, to sign").fill(org.supervisor.name);
    await sup.getByRole("button", { name: "Approve chosen" }).click();
    await expect(sup.getByText("Approved 1 entry (1 h).")).toBeVisible();
    await sup.goto(`/hours/trainees/${org.trainee.membershipId}`);
    await expectAccessible(sup);

    // Progress: 2 h individual + 1 h couple/family + 1 h group = 4 h of direct contact; notes 1 h 15 min.
    await trainee.goto("/hours");
    await expect(trainee.getByTestId("category-direct_individual").getByTestId("approved")).toHaveText("2 h");
    await expect(trainee.getByTestId("category-direct_couple_family").getByTestId("approved")).toHaveText("1 h");
    await expect(trainee.getByTestId("category-direct_group").getByTestId("approved")).toHaveText("1 h");
    await expect(trainee.getByTestId("category-indirect_notes").getByTestId("approved")).toHaveText("1 h 15 min");
    const contact = trainee.getByTestId("requirement-line").filter({ hasText: "Supervised client contact" });
    await expect(contact.getByTestId("line-approved")).toHaveText("4 h");
    await expect(contact.getByTestId("line-remaining")).toHaveText("36 h");
    await expectAccessible(trainee);

    // The signed summary: 5.25 approved hours, the supervisor's signature, a serial that verifies.
    await trainee.getByRole("button", { name: "Issue signed summary" }).click();
    const serial = (await trainee.getByTestId("summary-serial").textContent())!;
    expect(serial).toMatch(/^RAP-/);
    const download = trainee.waitForEvent("download");
    await trainee.getByTestId("summary-pdf").click();
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(await (await download).path())));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(org.trainee.name);
    expect(text).toContain(serial);
    expect(text).toMatch(/Total\s+5\.25\s+5 h 15 min/);
    expect(text).toMatch(/Direct client contact: individual\s+2\s+2 h/);
    expect(text).toContain(org.supervisor.name);
    await trainee.context().clearCookies();
    await trainee.goto(`/verify/hours/${serial}`);
    await expect(trainee.getByTestId("verify-name")).toHaveText(org.trainee.name);
    await expect(trainee.getByTestId("verify-total")).toHaveText("5.25 (5 h 15 min)");
    await expectAccessible(trainee);
  });

  test("a supervision session's attendance appears, approved, in both trainees' ledgers", async ({ browser }) => {
    const org = await createOrg("E2eSession");
    await placeTrainee(org.orgId, org.trainee, [org.supervisor]);
    const db = await getDb();
    await db.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.supervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId });
    const sup = await signedIn(browser, org.supervisor);
    await sup.goto("/hours/sessions/new");
    await expectAccessible(sup);
    await sup.getByLabel("Date").fill(addDays(today(), -1));
    await sup.getByLabel("Duration").fill("1:30");
    await sup.getByLabel("Group", { exact: true }).check();
    await sup.getByLabel(org.trainee.name, { exact: true }).check();
    await sup.getByLabel(org.otherTrainee.name, { exact: true }).check();
    await sup.getByLabel("Agenda").fill("Withdrawal ruptures: noticing minimal responses.");
    await sup.getByRole("button", { name: "Record session" }).click();
    await expect(sup.getByText("Session recorded.", { exact: false })).toBeVisible();
    await expect(sup.getByTestId("session-attendees").getByRole("listitem")).toHaveCount(2);
    await expectAccessible(sup);
    await sup.goto("/hours/sessions");
    await expect(sup.getByTestId("session-row")).toHaveCount(1);
    await expectAccessible(sup);

    for (const person of [org.trainee, org.otherTrainee]) {
      const page = await signedIn(browser, person);
      await page.goto("/hours");
      const row = page.getByTestId("ledger-row").filter({ hasText: "Supervision session" });
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId("entry-status")).toHaveText("Approved");
      await expect(row).toContainText("Group supervision");
      await expect(row.getByTestId("ledger-duration")).toHaveText("1 h 30 min");
      await page.goto("/hours/sessions");
      await page.getByTestId("session-row").getByRole("link").click();
      await expect(page.getByText("Withdrawal ruptures: noticing minimal responses.")).toBeVisible();
      await expect(page.getByText("You and 1 other trainee attended.")).toBeVisible();
      await expectAccessible(page);
    }

    // The admin's views: the cohort report, placements, requirement sets and the supervision report.
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/admin/hours");
    await expect(admin.getByTestId("hours-report-row")).toHaveCount(2);
    await expectAccessible(admin);
    await admin.goto("/admin/hours/requirements");
    await admin.getByRole("button", { name: "Use this set: CACREP: practicum" }).click();
    await expect(admin.getByTestId("org-set")).toHaveCount(1);
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Edit CACREP: practicum" }).click();
    await expect(admin.getByRole("heading", { name: "Edit: CACREP: practicum" })).toBeVisible();
    await expectAccessible(admin);
    await admin.goto("/admin/hours/placements");
    await expect(admin.getByTestId("placement-assignment")).toHaveCount(1);
    await expectAccessible(admin);
    await admin.goto("/admin/reports/supervision");
    await expect(admin.getByTestId("supervisor-row").filter({ has: admin.getByRole("link", { name: org.supervisor.name, exact: true }) }).getByTestId("supervisor-sessions")).toHaveText("1");
  });
});
