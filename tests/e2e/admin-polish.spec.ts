import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, cohorts, invitations, memberships, moduleRequirements, notifications, organisations, placements, supervisions, traineePlacements } from "@/db/schema";
import { addMember, createOrg, createUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { createCohortRow, curriculumModule, insertCase, insertInvitation, requireModule } from "../fixtures/onboarding";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";
import { pickCohort, pickPerson } from "./support/pick";

/** An organisation on its first day: one admin and nobody else. */
async function brandNewOrg() {
  const db = await getDb();
  const id = uid();
  const [org] = await db.insert(organisations).values({ name: `New Practice ${id}`, slug: `new-${id}`, verifiedAt: new Date() }).returning();
  const u = await createUser(`First Admin ${id}`);
  const m = await addMember(org.id, u.id, "org_admin");
  return { orgId: org.id, admin: { email: u.email, name: u.name, membershipId: m.id } };
}

async function stepDone(page: Page, key: string) {
  return page.getByTestId(`setup-step-${key}`).getAttribute("data-done");
}

test.describe("admin polish", () => {
  test("a brand-new organisation's admin sees a setup guide that ticks itself and can be dismissed", async ({ page }) => {
    const org = await brandNewOrg();
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/home");
    const guide = page.getByRole("region", { name: /Set up New Practice/ });
    await expect(guide).toBeVisible();
    for (const key of ["supervisors", "trainees", "assigned", "required"]) expect(await stepDone(page, key)).toBe("false");
    await expect(guide.getByRole("link", { name: "Invite supervisors" })).toHaveAttribute("href", "/admin/invitations");
    await expect(guide.getByRole("link", { name: "Choose required modules" })).toHaveAttribute("href", "/admin/requirements");
    await expectAccessible(page);

    // Do two steps; the guide notices on its own.
    await insertInvitation(org.orgId, `sup.${uid()}@test.example`, "supervisor");
    await requireModule(org.orgId, (await curriculumModule(0)).id, { role: "trainee", dueDays: 30 });
    await page.reload();
    expect(await stepDone(page, "supervisors")).toBe("true");
    expect(await stepDone(page, "required")).toBe("true");
    expect(await stepDone(page, "trainees")).toBe("false");
    await expect(guide.getByText("2 of 5 steps done", { exact: false })).toBeVisible();

    await guide.getByRole("button", { name: "Dismiss the setup guide" }).click();
    await expect(page.getByTestId("setup-guide")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
    await expect(page.getByTestId("setup-guide")).toHaveCount(0);
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, org.admin.membershipId));
    expect(m.setupGuideDismissedAt).not.toBeNull();
  });

  test("every destructive admin action asks first: cancel changes nothing, confirm does it, the dialog passes axe", async ({ page }) => {
    const org = await createOrg("Confirm");
    const db = await getDb();
    const cohortName = `Intake ${uid()}`;
    const cohort = await createCohortRow(org.orgId, cohortName);
    const email = `revoke.${uid()}@test.example`;
    await insertInvitation(org.orgId, email);
    const mod = await curriculumModule(1);
    await requireModule(org.orgId, mod.id, { role: "supervisor", dueDays: 10 });
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);

    // Archive a cohort.
    await page.goto("/admin/cohorts");
    const archive = page.getByRole("button", { name: `Archive ${cohortName}` });
    await archive.click();
    const dialog = page.getByRole("dialog", { name: `Archive the cohort “${cohortName}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(archive).toBeFocused();
    const cohortRow = async () => (await db.select().from(cohorts).where(eq(cohorts.id, cohort.id)))[0];
    expect((await cohortRow()).archivedAt).toBeNull();
    // Escape closes it too, without acting.
    await archive.click();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect((await cohortRow()).archivedAt).toBeNull();
    await archive.click();
    await dialog.getByRole("button", { name: `Archive ${cohortName}` }).click();
    await expect(page.getByText("Cohort archived.")).toBeVisible();
    expect((await cohortRow()).archivedAt).not.toBeNull();

    // Revoke an invitation: the dialog says it can't be undone.
    await page.goto(`/admin/invitations?q=${encodeURIComponent(email)}`);
    await page.getByRole("button", { name: `Revoke invitation to ${email}` }).click();
    const revoke = page.getByRole("dialog", { name: `Revoke the invitation to ${email}?` });
    await expect(revoke.getByText("This can’t be undone", { exact: false })).toBeVisible();
    await revoke.getByRole("button", { name: "Cancel" }).click();
    const inv = async () => (await db.select().from(invitations).where(and(eq(invitations.organisationId, org.orgId), eq(invitations.email, email))))[0];
    expect((await inv()).revokedAt).toBeNull();
    await page.getByRole("button", { name: `Revoke invitation to ${email}` }).click();
    await revoke.getByRole("button", { name: `Revoke invitation to ${email}` }).click();
    await expect(page.getByText("Invitation revoked.")).toBeVisible();
    expect((await inv()).revokedAt).not.toBeNull();

    // Remove a required module.
    await page.goto("/admin/requirements");
    await page.getByRole("button", { name: `Remove requirement ${mod.title}` }).click();
    const remove = page.getByRole("dialog", { name: `Stop requiring “${mod.title}”?` });
    await remove.getByRole("button", { name: "Cancel" }).click();
    const reqs = async () => db.select().from(moduleRequirements).where(and(eq(moduleRequirements.organisationId, org.orgId), eq(moduleRequirements.moduleId, mod.id)));
    expect(await reqs()).toHaveLength(1);
    await page.getByRole("button", { name: `Remove requirement ${mod.title}` }).click();
    await remove.getByRole("button", { name: `Remove ${mod.title}` }).click();
    await expect(page.getByText("Requirement removed.")).toBeVisible();
    expect(await reqs()).toHaveLength(0);

    // Deactivate a member: named, with the way back.
    await page.goto(`/admin/members/${org.otherTrainee.membershipId}`);
    await page.getByRole("button", { name: "Deactivate member" }).click();
    const deactivate = page.getByRole("dialog", { name: `Deactivate ${org.otherTrainee.name}?` });
    await expect(deactivate.getByText("You can undo this from this page", { exact: false })).toBeVisible();
    await expectAccessible(page);
    await deactivate.getByRole("button", { name: "Cancel" }).click();
    const status = async () => (await db.select().from(memberships).where(eq(memberships.id, org.otherTrainee.membershipId)))[0].status;
    expect(await status()).toBe("active");
    await page.getByRole("button", { name: "Deactivate member" }).click();
    await deactivate.getByRole("button", { name: `Deactivate ${org.otherTrainee.name}` }).click();
    await expect(page.getByText("Member deactivated.", { exact: false })).toBeVisible();
    expect(await status()).toBe("deactivated");
  });

  test("audit entries read as sentences with linked targets; routine reads are hidden until asked for; 375 px doesn't scroll sideways", async ({ page }) => {
    const org = await createOrg("Words");
    const db = await getDb();
    const c = await insertCase(org.orgId, org.trainee);
    await db.insert(auditEvents).values([
      { organisationId: org.orgId, actorUserId: org.admin.userId, action: "member.deactivated", targetType: "membership", targetId: org.otherTrainee.membershipId, outcome: "success", detail: { from: "active", to: "deactivated" } },
      { organisationId: org.orgId, actorUserId: org.supervisor.userId, action: "case.viewed", targetType: "case", targetId: c.id, outcome: "success", detail: { via: "page", caseVersion: 1 } },
    ]);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/audit");
    const deactivated = page.getByTestId("audit-row").filter({ hasText: `Deactivated ${org.otherTrainee.name}` });
    await expect(deactivated).toHaveCount(1);
    await expect(deactivated.getByRole("link", { name: org.otherTrainee.name })).toHaveAttribute("href", `/admin/members/${org.otherTrainee.membershipId}`);
    // Ids are there only on demand.
    await expect(deactivated.getByText(org.otherTrainee.membershipId)).toBeHidden();
    await deactivated.getByText("Technical details").click();
    await expect(deactivated.getByText(org.otherTrainee.membershipId)).toBeVisible();
    await expect(page.getByTestId("audit-sentence").filter({ hasText: "Viewed case" })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByLabel("Include routine reads (case viewed)").check();
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/reads=1/);
    await expect(page.getByTestId("audit-sentence").filter({ hasText: "Viewed case" })).toHaveCount(1);

    await page.goto("/admin/audit?category=cases&reads=1");
    await expect(page.getByTestId("audit-sentence").filter({ hasText: "Deactivated" })).toHaveCount(0);

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/admin/audit");
    await expect(deactivated).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  test("a due date in the past is refused next to the field, and nothing is saved", async ({ page }) => {
    const org = await createOrg("PastDue");
    const mod = await curriculumModule(2);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/requirements");
    await page.getByLabel("Module").selectOption({ label: mod.title });
    await page.getByLabel("On a fixed date").check();
    await page.getByLabel("Due date").fill("2020-01-31");
    await page.getByRole("button", { name: "Add requirement" }).click();
    await expect(page.getByText("That date has passed", { exact: false })).toBeVisible();
    const db = await getDb();
    expect(await db.select().from(moduleRequirements).where(eq(moduleRequirements.organisationId, org.orgId))).toHaveLength(0);
  });

  test("bulk: assign a supervisor to several members at once from the members list", async ({ page }) => {
    const org = await createOrg("Bulk");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/members");
    await page.getByLabel(`Select ${org.trainee.name}`).check();
    await page.getByLabel(`Select ${org.otherTrainee.name}`).check();
    await pickPerson(page, "Supervisor", org.otherSupervisor);
    await page.getByRole("button", { name: "Assign supervisor to selected" }).click();
    await expect(page.getByText("Supervisor assigned to 2 of 2 selected members.")).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    const links = await db.select().from(supervisions).where(and(eq(supervisions.organisationId, org.orgId), eq(supervisions.supervisorMembershipId, org.otherSupervisor.membershipId)));
    expect(links.map((l) => l.traineeMembershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "supervision.assigned")));
    expect(events).toHaveLength(2);
  });

  test("the supervisor picker searches as you type and is used from the keyboard alone", async ({ page }) => {
    const org = await createOrg("Picker");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/members");
    // The bulk form lists no supervisors: they come from the search as the admin types.
    const bulk = page.getByRole("form", { name: "Bulk actions" });
    await expect(bulk.getByRole("option")).toHaveCount(0); // supervisors and cohorts are both searched
    await expect(bulk.locator(`[value="${org.otherSupervisor.membershipId}"]`)).toHaveCount(0);
    await page.getByLabel(`Select ${org.otherTrainee.name}`).check();
    const box = page.getByRole("combobox", { name: "Supervisor", exact: true });
    await box.focus();
    await page.keyboard.type("nobody-by-this-name");
    await expect(page.getByRole("status").filter({ hasText: "No active supervisor matches" })).toBeAttached();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue("");
    await page.keyboard.type(org.otherSupervisor.name.toUpperCase().slice(0, 14));
    const list = page.getByRole("listbox", { name: "Supervisor results" });
    await expect(list.getByRole("option")).toHaveCount(1);
    await expect(list.getByRole("option", { selected: true })).toContainText(org.otherSupervisor.email);
    await expectAccessible(page);
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(org.otherSupervisor.name);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await page.getByRole("button", { name: "Assign supervisor to selected" }).click();
    await expect(page.getByText("Supervisor assigned to 1 of 1 selected member.")).toBeVisible();
    const db = await getDb();
    const links = await db.select().from(supervisions).where(and(eq(supervisions.organisationId, org.orgId), eq(supervisions.supervisorMembershipId, org.otherSupervisor.membershipId)));
    expect(links.map((l) => l.traineeMembershipId)).toEqual([org.otherTrainee.membershipId]);
  });

  test("cohorts are searched, not listed: filtering the members list by one and adding the selected to another", async ({ page }) => {
    const org = await createOrg("CohortPicker");
    const spring = await createCohortRow(org.orgId, `Spring intake ${uid()}`);
    const autumn = await createCohortRow(org.orgId, `Autumn intake ${uid()}`);
    const db = await getDb();
    await db.insert(cohortMembers).values({ organisationId: org.orgId, cohortId: spring.id, membershipId: org.trainee.membershipId });
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/members");
    await expect(page.locator(`[value="${spring.id}"]`)).toHaveCount(0);

    const filter = page.getByRole("search");
    await pickCohort(filter, "Cohort", spring.name);
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`cohort=${spring.id}`));
    await expect(page.getByRole("link", { name: org.trainee.name, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: org.otherTrainee.name, exact: true })).toHaveCount(0);
    // The filter shows the chosen cohort's name when the page loads.
    await expect(filter.getByRole("combobox", { name: "Cohort", exact: true })).toHaveValue(spring.name);
    await expectAccessible(page);

    await page.goto("/admin/members");
    await page.getByLabel(`Select ${org.otherTrainee.name}`).check();
    const bulk = page.getByRole("form", { name: "Bulk actions" });
    await bulk.getByRole("button", { name: "Add selected to cohort" }).click();
    await expect(bulk.getByText("Choose a cohort: type part of its name", { exact: false })).toBeVisible();
    const box = bulk.getByRole("combobox", { name: "Cohort", exact: true });
    await box.fill(autumn.name.slice(0, 10));
    await bulk.getByRole("option", { name: autumn.name }).click();
    await bulk.getByRole("button", { name: "Add selected to cohort" }).click();
    await expect(bulk.getByText("1 of 1 selected member added to the cohort.")).toBeVisible();
    const rows = await db.select().from(cohortMembers).where(and(eq(cohortMembers.organisationId, org.orgId), eq(cohortMembers.cohortId, autumn.id)));
    expect(rows.map((r) => r.membershipId)).toEqual([org.otherTrainee.membershipId]);
  });

  test("the pickers' searches take any text: NUL bytes, control characters, 10,000 characters (longer URLs Node.js refuses with 431 before the app), a repeated or wrong parameter", async ({ page }) => {
    const org = await createOrg("PickerInput");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    const nasty = ["a\u0000b", "\u0001\u001f", "x".repeat(10_000), "%_\\", "\ud800"];
    for (const q of nasty) {
      for (const url of [`/api/people?${new URLSearchParams({ role: "supervisor", q })}`, `/api/cohorts?${new URLSearchParams({ q, archived: "1" })}`]) {
        const res = await page.request.get(url);
        expect(res.status(), url.slice(0, 60)).toBe(200);
      }
    }
    const repeated = await page.request.get(`/api/people?role=supervisor&role=trainee&q=${encodeURIComponent(org.otherSupervisor.name)}&q=zzz`);
    expect((await repeated.json()).people.map((p: { membershipId: string }) => p.membershipId)).toEqual([org.otherSupervisor.membershipId]);
    const wrong = await page.request.get("/api/people?role=org_admin");
    expect(wrong.status()).toBe(400);
    expect(await wrong.text()).toContain("role=supervisor or role=trainee");
  });

  test("the picker on a member's page marks people already assigned and will not choose them", async ({ page }) => {
    const org = await createOrg("PickerMember");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto(`/admin/members/${org.trainee.membershipId}`);
    const box = page.getByRole("combobox", { name: "Assign a supervisor", exact: true });
    await box.fill(org.supervisor.name);
    const assigned = page.getByRole("option", { name: org.supervisor.email });
    await expect(assigned).toContainText("already assigned");
    await expect(assigned).toHaveAttribute("aria-disabled", "true");
    await assigned.click({ force: true }); // past Playwright's own wait for an enabled element, as a person's click would
    await expect(box).toHaveValue(org.supervisor.name);
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByText("Choose one from the list first.")).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
  });

  test("placing a trainee: trainee and site supervisor are searched, not listed; a missing choice is named next to its field", async ({ page }) => {
    const org = await createOrg("Placing");
    const db = await getDb();
    const [site] = await db.insert(placements).values({ organisationId: org.orgId, name: "Harbour Clinic", kind: "university_clinic" }).returning();
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/hours/placements");
    const form = page.getByRole("form", { name: "Place a trainee" });
    await expect(form.locator(`[value="${org.trainee.membershipId}"]`)).toHaveCount(0);
    await form.getByLabel("Placement site").selectOption({ label: "Harbour Clinic" });
    await form.getByRole("button", { name: "Place trainee" }).click();
    await expect(form.getByRole("combobox", { name: "Trainee", exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Choose from the list.")).toHaveCount(2);
    await expectAccessible(page);
    await pickPerson(page, "Trainee", org.trainee);
    await pickPerson(page, "Site supervisor", org.supervisor);
    await form.getByRole("button", { name: "Place trainee" }).click();
    await expect(page.getByText("Trainee placed.", { exact: false })).toBeVisible();
    await expect(page.getByTestId("placement-assignment")).toHaveCount(1);
    const [placed] = await db.select().from(traineePlacements).where(and(eq(traineePlacements.organisationId, org.orgId), eq(traineePlacements.placementId, site.id)));
    expect(placed.traineeMembershipId).toBe(org.trainee.membershipId);

    // A second site supervisor from the row's own picker; the first is marked as already approving.
    const label = `Add a site supervisor for ${org.trainee.name} at Harbour Clinic`;
    await page.getByRole("combobox", { name: label }).fill("Supervisor");
    await expect(page.getByRole("option", { name: org.supervisor.email })).toHaveAttribute("aria-disabled", "true");
    await pickPerson(page, label, org.otherSupervisor);
    await page.getByTestId("placement-assignment").getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("placement-assignment")).toContainText(org.otherSupervisor.name);
    await expectAccessible(page);

    // The list finds by trainee or site name.
    await page.getByLabel("Trainee or site name").fill("nobody here");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByText("No placements match.")).toBeVisible();
  });

  test("the completion report reminds everyone overdue on a module, after a confirmation, once a day", async ({ page }) => {
    const org = await createOrg("Overdue");
    const mod = await curriculumModule(3);
    await requireModule(org.orgId, mod.id, { role: "trainee", dueOn: "2024-03-01" });
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/reports");
    // Shown on every view (one aggregate statement), and still after choosing the module.
    await expect(page.getByTestId("overdue-module").filter({ hasText: mod.title })).toContainText("2 people overdue");
    await page.getByLabel("Module", { exact: true }).selectOption({ label: mod.title });
    await page.getByRole("button", { name: "Filter" }).click();
    const row = page.getByTestId("overdue-module").filter({ hasText: mod.title });
    await expect(row).toContainText("2 people overdue");
    await row.getByRole("button", { name: `Remind everyone overdue on ${mod.title}` }).click();
    const dialog = page.getByRole("dialog", { name: `Remind everyone overdue on “${mod.title}”?` });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Send 2 reminders" }).click();
    await expect(page.getByText(`Everyone overdue on ${mod.title} has been reminded today.`)).toBeVisible();
    const db = await getDb();
    const sent = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "module_overdue")));
    expect(sent.map((n) => n.recipientMembershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    await page.goto("/admin/audit");
    await expect(page.getByText(`Reminded everyone overdue on ${mod.title}`, { exact: false }).first()).toBeVisible();
  });

  test("bulk: resend several invitations at once from the invitations list", async ({ page }) => {
    const org = await createOrg("BulkResend");
    const first = `first.${uid()}@test.example`;
    const second = `second.${uid()}@test.example`;
    const a = await insertInvitation(org.orgId, first);
    const b = await insertInvitation(org.orgId, second);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/invitations");
    await page.getByRole("button", { name: "Resend selected" }).click();
    await expect(page.getByText("Select at least one open or expired invitation", { exact: false })).toBeVisible();
    await page.getByLabel(`Select the invitation to ${first}`).check();
    await page.getByLabel(`Select the invitation to ${second}`).check();
    await page.getByRole("button", { name: "Resend selected" }).click();
    await expect(page.getByText("New links sent to 2 people.", { exact: false })).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    const olds = await db.select().from(invitations).where(and(eq(invitations.organisationId, org.orgId), eq(invitations.id, a.id)));
    expect(olds[0].replacedById).not.toBeNull();
    const [oldB] = await db.select().from(invitations).where(eq(invitations.id, b.id));
    expect(oldB.revokedAt).not.toBeNull();
  });
});
