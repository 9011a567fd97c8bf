import { expect, test } from "@playwright/test";
import { createOrg, createUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { createCohortRow, curriculumModule, expireInvitation, insertInvitation, invitationFor, latestEmail, requireModule, tokenFrom } from "../fixtures/onboarding";
import { AdminImportPage } from "../pages/admin-import-page";
import { InviteAcceptPage } from "../pages/admin-invite-accept-page";
import { AdminOutboxPage } from "../pages/admin-outbox-page";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";
import { pickCohort, pickPerson } from "./support/pick";

test.describe("onboarding", () => {
  test("an admin imports a CSV with valid and invalid rows; a new person accepts and sees their checklist", async ({ page, browser }) => {
    const org = await createOrg("Intake");
    const mod = await curriculumModule(0);
    await requireModule(org.orgId, mod.id, { role: "trainee", dueDays: 14 });
    const id = uid();
    const newcomer = `nia.${id}@test.example`;
    const csv = [
      "email,name,role,supervisor_email,cohort",
      `${newcomer},"Okafor, Nia",trainee,${org.supervisor.email},2027 intake ${id}`,
      `ben.${id}@test.example,Ben Lee,supervisor,,`,
      `not-an-email,Bad Row,trainee,,`,
      `NIA.${id}@test.example,Duplicate,trainee,,`,
      `cam.${id}@test.example,Cam,boss,,`,
    ].join("\r\n");

    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    const importer = new AdminImportPage(page);
    await importer.goto();
    await expectAccessible(page);
    await importer.uploadCsv("intake.csv", "\ufeff" + csv);
    await expect(importer.previewSummary()).toHaveText("2 ready to invite, 0 already invited, 3 with problems. Nothing has been sent yet.");
    const errors = page.getByTestId("preview-error");
    await expect(errors).toHaveCount(3);
    await expect(errors.filter({ hasText: "isn't an email address" })).toHaveCount(1);
    await expect(errors.filter({ hasText: "Duplicate of line 2" })).toHaveCount(1);
    await expect(errors.filter({ hasText: "Unknown role “boss”" })).toHaveCount(1);
    await expect(page.getByTestId("preview-ready").filter({ hasText: `Creates the cohort “2027 intake ${id}”.` })).toHaveCount(1);
    await expectAccessible(page);
    await importer.importValid();
    await expect(page.getByTestId("import-summary")).toHaveText("2 invited, 0 skipped, 3 not imported.");
    await expect(page.getByTestId("result-row")).toHaveCount(5);
    await expectAccessible(page);

    // The same file again: nobody is invited twice.
    await importer.uploadCsv("intake.csv", csv);
    await expect(importer.previewSummary()).toHaveText("0 ready to invite, 2 already invited, 3 with problems. Nothing has been sent yet.");

    const outbox = new AdminOutboxPage(page);
    await outbox.goto();
    await expect(outbox.message(newcomer)).toHaveCount(1);
    await expect(outbox.message(`ben.${id}@test.example`)).toHaveCount(1);
    const path = await outbox.invitationPath(newcomer);
    await expectAccessible(page);

    const visitor = await browser.newContext();
    const vpage = await visitor.newPage();
    const accept = new InviteAcceptPage(vpage);
    await accept.open(path);
    await expect(vpage.getByText(`to join ${org.name} as a trainee`, { exact: false })).toBeVisible();
    await expectAccessible(vpage);
    // A password error first: once fixed, one click on "Accept and join" is enough.
    await vpage.getByLabel("Choose a password").fill("short");
    await vpage.getByRole("button", { name: "Accept and join" }).click();
    await expect(vpage.getByLabel("Choose a password")).toHaveAttribute("aria-invalid", "true");
    await accept.acceptAsNewPerson("Nia Okafor", "a long enough passphrase");
    await vpage.waitForURL("**/onboarding");
    await expect(vpage.getByRole("heading", { level: 1, name: "Getting started" })).toBeVisible();
    await expect(vpage.getByTestId("current-org")).toHaveText(org.name);
    const item = vpage.getByTestId("onboarding-checklist").getByRole("listitem").filter({ hasText: mod.title });
    await expect(item).toContainText("Required module · due ");
    await expect(item).toContainText("Not started");
    await expect(vpage.getByTestId("checklist-progress")).toHaveText("0 of 3 done");
    await expectAccessible(vpage);

    // Completing the profile ticks it off.
    await vpage.getByLabel("Your position").fill("Counselling student");
    await vpage.getByRole("button", { name: "Save profile" }).click();
    await expect(vpage.getByText("Profile saved.")).toBeVisible();
    await expect(vpage.getByTestId("checklist-progress")).toHaveText("1 of 3 done");

    // The same link a second time says it was used.
    await vpage.goto(path);
    await expect(vpage.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
    await expectAccessible(vpage);
    await visitor.close();
  });

  test("a pasted list takes a supervisor and a cohort found by search", async ({ page }) => {
    const org = await createOrg("Paste");
    const cohort = await createCohortRow(org.orgId, `Cohort ${uid()}`);
    const a = `ana.${uid()}@test.example`;
    const b = `bo.${uid()}@test.example`;
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    const importer = new AdminImportPage(page);
    await importer.goto();
    await page.getByLabel("Email addresses, one per line").fill(`Ana Smith <${a}>\n${b}, Bo Tran`);
    await pickPerson(page, "Supervisor", org.supervisor);
    await pickCohort(page, "Cohort", cohort.name);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Check list" }).click();
    await expect(importer.previewSummary()).toHaveText("2 ready to invite, 0 already invited, 0 with problems. Nothing has been sent yet.");
    await expect(page.getByTestId("preview-ready").filter({ hasText: org.supervisor.email.toLowerCase() })).toHaveCount(2);
    await importer.importValid();
    await expect(page.getByTestId("import-summary")).toHaveText("2 invited, 0 skipped, 0 not imported.");
    for (const email of [a, b]) expect(await invitationFor(org.orgId, email)).toEqual({ role: "trainee", supervisorMembershipId: org.supervisor.membershipId, cohortId: cohort.id });

    // Supervisors get no supervisor: the picker goes, and what it held is not sent.
    await page.getByLabel("Role for everyone").selectOption("supervisor");
    await expect(page.getByRole("combobox", { name: "Supervisor", exact: true })).toHaveCount(0);
    const c = `cy.${uid()}@test.example`;
    await page.getByLabel("Email addresses, one per line").fill(c);
    await page.getByRole("button", { name: "Check list" }).click();
    await expect(importer.previewSummary()).toHaveText("1 ready to invite, 0 already invited, 0 with problems. Nothing has been sent yet.");
    await importer.importValid();
    expect(await invitationFor(org.orgId, c)).toEqual({ role: "supervisor", supervisorMembershipId: null, cohortId: cohort.id });
  });

  test("a file that isn't CSV gets one clear message and imports nothing", async ({ page }) => {
    const org = await createOrg("Binary");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    const importer = new AdminImportPage(page);
    await importer.goto();
    await importer.uploadCsv("staff.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
    await expect(page.getByText("This doesn't look like a CSV file", { exact: false })).toBeVisible();
    await expect(page.getByLabel("CSV file", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(importer.previewSummary()).toHaveCount(0);
    await importer.uploadCsv("latin1.csv", Buffer.concat([Buffer.from("email,name,role\nzoe@example.org,Zo"), Buffer.from([0xeb]), Buffer.from(",trainee\n")]));
    await expect(page.getByText("The file isn't UTF-8 text", { exact: false })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/admin/invitations");
    await expect(page.getByText("No invitations yet.", { exact: false })).toBeVisible();
  });

  test("expired and revoked links say which, and what to do", async ({ page }) => {
    const org = await createOrg("Links");
    const expired = `late.${uid()}@test.example`;
    const revoked = `gone.${uid()}@test.example`;
    const { token: expiredToken } = await insertInvitation(org.orgId, expired);
    const { token: revokedToken } = await insertInvitation(org.orgId, revoked);
    await expireInvitation(org.orgId, expired);

    await page.goto(`/invite/${expiredToken}`);
    await expect(page.getByRole("heading", { level: 1, name: "This invitation has expired" })).toBeVisible();
    await expect(page.getByText(`to send you a new one`, { exact: false })).toBeVisible();
    await expectAccessible(page);

    // The admin revokes the other one from the list.
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto(`/admin/invitations?q=${encodeURIComponent(revoked)}`);
    await page.getByRole("button", { name: `Revoke invitation to ${revoked}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: `Revoke invitation to ${revoked}` }).click();
    await expect(page.getByText("Invitation revoked.")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login**");
    await page.goto(`/invite/${revokedToken}`);
    await expect(page.getByRole("heading", { level: 1, name: "This invitation was withdrawn" })).toBeVisible();
    await page.goto(`/invite/${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "We don't recognise this invitation" })).toBeVisible();
  });

  test("inviting one person: supervisor and cohort are searched, kept for the next invitation, and dropped for other roles", async ({ page }) => {
    const org = await createOrg("InviteOne");
    const cohort = await createCohortRow(org.orgId, `Cohort ${uid()}`);
    const first = `first.${uid()}@test.example`;
    const second = `second.${uid()}@test.example`;
    const third = `third.${uid()}@test.example`;
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/invitations");
    // The page carries no list of the organisation's supervisors or cohorts.
    await expect(page.getByRole("option", { name: org.supervisor.email })).toHaveCount(0);
    await page.getByLabel("Email address").fill(first);
    await pickPerson(page, "Supervisor (optional)", org.supervisor);
    await pickCohort(page, "Cohort (optional)", cohort.name);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send invitation", exact: true }).click();
    await expect(page.getByText(`Invitation sent to ${first}.`)).toBeVisible();
    expect(await invitationFor(org.orgId, first)).toEqual({ role: "trainee", supervisorMembershipId: org.supervisor.membershipId, cohortId: cohort.id });

    // The next trainee of the same intake: the choices stay.
    await expect(page.getByRole("combobox", { name: "Supervisor (optional)" })).toHaveValue(org.supervisor.name);
    await expect(page.getByRole("combobox", { name: "Cohort (optional)" })).toHaveValue(cohort.name);
    await page.getByLabel("Email address").fill(second);
    await page.getByRole("button", { name: "Send invitation", exact: true }).click();
    await expect(page.getByText(`Invitation sent to ${second}.`)).toBeVisible();
    expect(await invitationFor(org.orgId, second)).toEqual({ role: "trainee", supervisorMembershipId: org.supervisor.membershipId, cohortId: cohort.id });

    // A supervisor is invited without one: the chosen supervisor is not sent.
    await page.getByLabel("Role").selectOption("supervisor");
    await expect(page.getByRole("combobox", { name: "Supervisor (optional)" })).toHaveCount(0);
    await expect(page.getByText("Only trainees are invited with a supervisor.")).toBeVisible();
    await page.getByLabel("Email address").fill(third);
    await page.getByRole("button", { name: "Send invitation", exact: true }).click();
    await expect(page.getByText(`Invitation sent to ${third}.`)).toBeVisible();
    expect(await invitationFor(org.orgId, third)).toEqual({ role: "supervisor", supervisorMembershipId: null, cohortId: cohort.id });
    await page.getByLabel("Role").selectOption("trainee");
    await expect(page.getByRole("combobox", { name: "Supervisor (optional)" })).toHaveValue("");
  });

  test("a resend replaces the link; an existing user signs in and joins", async ({ page }) => {
    const org = await createOrg("Existing");
    const person = await createUser(`Jo Existing ${uid()}`);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/invitations");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill(person.email);
    await page.getByLabel("Role").selectOption("supervisor");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${person.email.toLowerCase()}.`)).toBeVisible();
    const first = tokenFrom((await latestEmail(org.orgId, person.email)).text);
    await page.getByRole("button", { name: `Resend invitation to ${person.email.toLowerCase()}` }).click();
    await expect(page.getByText("New link sent.")).toBeVisible();
    const second = tokenFrom((await latestEmail(org.orgId, person.email)).text);
    expect(second).not.toBe(first);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login**");

    await page.goto(`/invite/${first}`);
    await expect(page.getByRole("heading", { level: 1, name: "This invitation link was replaced" })).toBeVisible();
    await page.goto(`/invite/${second}`);
    await expect(page.getByText("You already have a Rapport account with this email.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await new LoginPage(page).signIn(person.email, TEST_PASSWORD);
    await page.waitForURL(`**/invite/${second}`);
    await page.getByRole("button", { name: `Join ${org.name}` }).click();
    await page.waitForURL("**/onboarding");
    await expect(page.getByTestId("current-org")).toHaveText(org.name);
  });

  test("a cohort requirement shows on the home page panel with its due date", async ({ page }) => {
    const org = await createOrg("Panel");
    const cohort = await createCohortRow(org.orgId, `Cohort ${uid()}`);
    const mod = await curriculumModule(1);
    await requireModule(org.orgId, mod.id, { cohortId: cohort.id, dueOn: "2099-03-31" });
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto(`/admin/members/${org.trainee.membershipId}`);
    await page.getByLabel("Add to cohort").selectOption({ label: cohort.name });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByText("Added to cohort.")).toBeVisible();
    await page.context().clearCookies();
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/onboarding");
    const item = page.getByTestId("onboarding-checklist").getByRole("listitem").filter({ hasText: mod.title });
    await expect(item).toContainText("due 31 March 2099");
    await expectAccessible(page);
  });
});
