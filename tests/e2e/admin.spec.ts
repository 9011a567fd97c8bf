import { expect, test, type Page } from "@playwright/test";
import { createOrg, TEST_PASSWORD, uid } from "../fixtures/factory";
import { addToCohort, createCohortRow, curriculumModule, insertCase, insertInvitation, requireModule } from "../fixtures/onboarding";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";
import { pickCohort, pickPerson } from "./support/pick";

/** A CSV download: UTF-8 with a byte order mark (so spreadsheets read accents), as text without it. */
async function csvText(page: Page, path: string): Promise<string> {
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return body.subarray(3).toString("utf8");
}

const ADMIN_PAGES = [
  "/admin/members",
  "/admin/invitations",
  "/admin/invitations/import",
  "/admin/cohorts",
  "/admin/requirements",
  "/admin/reports",
  "/admin/reports/supervision",
  "/admin/audit",
  "/admin/outbox",
];

test.describe("administration", () => {
  test("every admin page passes axe with data on it", async ({ page }) => {
    // An axe scan of each of the admin pages (more with every admin feature): minutes on two busy cores.
    test.setTimeout(300_000);
    const org = await createOrg("Axe");
    const cohort = await createCohortRow(org.orgId, `Axe cohort ${uid()}`);
    await requireModule(org.orgId, (await curriculumModule(0)).id, { role: "trainee", dueDays: 7 });
    await requireModule(org.orgId, (await curriculumModule(1)).id, { cohortId: cohort.id, dueOn: "2099-01-01" });
    await insertInvitation(org.orgId, `axe.${uid()}@test.example`);
    await insertCase(org.orgId, org.trainee, "submitted", new Date(Date.now() - 3 * 86_400_000));
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    for (const path of [...ADMIN_PAGES, `/admin/members/${org.trainee.membershipId}`, `/admin/members/${org.supervisor.membershipId}`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await page.goto("/admin/reports/supervision");
    const row = page.getByTestId("supervisor-row").filter({ has: page.getByRole("link", { name: org.supervisor.name, exact: true }) });
    await expect(row).toContainText("3 days");
  });

  test("trainees and supervisors get not-found for every admin page and export", async ({ page }) => {
    const org = await createOrg("NoAdmin");
    for (const person of [org.trainee, org.supervisor]) {
      await page.context().clearCookies();
      await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
      for (const path of [...ADMIN_PAGES, "/admin/reports/completion.csv", "/admin/audit/export.csv", `/admin/members/${org.trainee.membershipId}`]) {
        const res = await page.request.get(path);
        expect(res.status(), `${person.role} ${path}`).toBe(404);
      }
    }
  });

  test("an admin of organisation B sees nothing of organisation A", async ({ page }) => {
    const a = await createOrg("OrgA");
    const b = await createOrg("OrgB");
    const cohortName = `A only ${uid()}`;
    await createCohortRow(a.orgId, cohortName);
    const invited = `a-only.${uid()}@test.example`;
    await insertInvitation(a.orgId, invited);
    await new LoginPage(page).signInAs(b.admin.email, TEST_PASSWORD);
    await page.goto(`/admin/invitations?q=${encodeURIComponent(invited)}`);
    await expect(page.getByText("No invitations match.")).toBeVisible();
    await page.goto("/admin/cohorts");
    await expect(page.getByText(cohortName)).toHaveCount(0);
    await page.goto(`/admin/reports?q=${encodeURIComponent(a.trainee.name)}`);
    await expect(page.getByText(a.trainee.name)).toHaveCount(0);
    await page.goto(`/admin/audit?person=${encodeURIComponent(a.admin.email)}`);
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    const res = await page.goto(`/admin/members/${a.supervisor.membershipId}`);
    expect(res?.status()).toBe(404);
    const csv = await (await page.request.get("/admin/reports/completion.csv")).text();
    expect(csv).not.toContain(a.trainee.email);
  });

  test("cohorts: create, rename, archive; roles and supervisors from the member page; all in the audit log and its CSV", async ({ page }) => {
    const org = await createOrg("Flow");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    const name = `2027 intake ${uid()}`;
    await page.goto("/admin/cohorts");
    await page.getByLabel("Cohort name").fill(name);
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByText(`Cohort “${name}” created.`)).toBeVisible();
    await page.getByLabel("Cohort name").fill(name.toUpperCase());
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByText("A cohort with this name already exists. Choose another name.")).toBeVisible();
    await expect(page.getByLabel("Cohort name")).toHaveValue(name.toUpperCase());
    await page.getByLabel(`New name for ${name}`).fill(`${name} (Feb)`);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText("Cohort renamed.")).toBeVisible();
    await page.getByRole("button", { name: `Archive ${name} (Feb)` }).click();
    await page.getByRole("dialog").getByRole("button", { name: `Archive ${name} (Feb)` }).click();
    await expect(page.getByText("Cohort archived.")).toBeVisible();
    await expectAccessible(page);

    // Assign the unassigned supervisor to the trainee: visible from both sides.
    await page.goto(`/admin/members/${org.trainee.membershipId}`);
    await pickPerson(page, "Assign a supervisor", org.otherSupervisor);
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText("Supervisor assigned.")).toBeVisible();
    await page.goto(`/admin/members/${org.otherSupervisor.membershipId}`);
    await expect(page.getByRole("region", { name: "Trainees they supervise" }).getByRole("link", { name: org.trainee.name })).toBeVisible();

    // The last admin can't demote themselves; another member's role changes.
    await page.goto(`/admin/members/${org.admin.membershipId}`);
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("trainee");
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(page.getByText("This is the organisation's last active admin", { exact: false })).toBeVisible();
    await page.goto(`/admin/members/${org.otherTrainee.membershipId}`);
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("supervisor");
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(page.getByText("Role changed to supervisor.", { exact: false })).toBeVisible();

    await page.goto("/admin/audit?action=member.role_changed");
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expectAccessible(page);
    const csv = await csvText(page, "/admin/audit/export.csv?action=cohort.renamed");
    expect(csv.split("\r\n")[0]).toBe("occurred_at,actor_name,actor_email,action,outcome,target_type,target_id,detail");
    expect(csv).toContain("cohort.renamed");
    expect(csv).not.toContain("member.role_changed");
  });

  test("required modules: add by role with days, see the completion matrix and export it", async ({ page }) => {
    const org = await createOrg("Req");
    const mod = await curriculumModule(2);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/requirements");
    await page.getByLabel("Module").selectOption({ label: mod.title });
    await page.getByLabel("Days after joining", { exact: true }).fill("");
    await page.getByRole("button", { name: "Add requirement" }).click();
    await expect(page.getByText("Enter a whole number of days from 0 to 3650.")).toBeVisible();
    await page.getByLabel("Days after joining", { exact: true }).fill("21");
    await page.getByRole("button", { name: "Add requirement" }).click();
    await expect(page.getByText("Requirement added.", { exact: false })).toBeVisible();
    await expect(page.getByTestId("requirement").filter({ hasText: mod.title })).toContainText("21 days after joining");
    await expectAccessible(page);

    await page.goto("/admin/reports?role=trainee");
    await expect(page.getByTestId("matrix-row")).toHaveCount(2);
    await expect(page.getByTestId("matrix-row").first()).toContainText("Not started");
    const csv = await csvText(page, "/admin/reports/completion.csv?role=trainee");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(`name,email,role,cohorts,${mod.title},${mod.title} due`);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(org.trainee.email);
    expect(csv).not.toContain(org.supervisor.email);
  });

  test("the completion report filters by cohort with a search picker and carries no other cohort", async ({ page }) => {
    const org = await createOrg("CohortFilter");
    const other = await createOrg("CohortFilterOther");
    await requireModule(org.orgId, (await curriculumModule(2)).id, { role: "trainee", dueDays: 30 });
    const chosen = await createCohortRow(org.orgId, `Filter intake ${uid()}`);
    const notChosen = await createCohortRow(org.orgId, `Unpicked intake ${uid()}`);
    const foreign = await createCohortRow(other.orgId, `Foreign intake ${uid()}`);
    await addToCohort(org.orgId, chosen.id, org.trainee.membershipId);
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/reports");
    // The page lists no cohorts: however many the organisation has had, it stays the same size.
    expect(await page.content()).not.toContain(notChosen.name);
    await pickCohort(page, "Cohort", chosen.name);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`cohort=${chosen.id}`));
    await expect(page.getByTestId("matrix-row")).toHaveCount(1);
    await expect(page.getByTestId("matrix-row")).toContainText(org.trainee.name);
    await expect(page.getByRole("combobox", { name: "Cohort", exact: true })).toHaveValue(chosen.name);
    await expectAccessible(page);
    // Another organisation's cohort in the address is not a filter (and its name is not shown).
    const unfiltered = await page.goto("/admin/reports?role=trainee");
    expect(unfiltered?.status()).toBe(200);
    await expect(page.getByTestId("matrix-row")).toHaveCount(2);
    const res = await page.goto(`/admin/reports?role=trainee&cohort=${foreign.id}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("matrix-row")).toHaveCount(2);
    await expect(page.getByRole("combobox", { name: "Cohort", exact: true })).toHaveValue("");
    expect(await page.content()).not.toContain(foreign.name);
  });

  test("the reminders route does not exist without a scheduler token", async ({ request }) => {
    expect((await request.post("/api/reminders", { headers: { authorization: "Bearer guess" } })).status()).toBe(404);
  });
});

test.describe("page cursors", () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const hostile = [
    cursor({ at: "2026-01-01T00:00:00.000Z", id: "-".repeat(36) }),
    cursor({ at: "not a date", id: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b" }),
    cursor({ name: "x", id: "a".repeat(36) }),
    "%%%",
  ];

  test("a tampered ?after= starts the list from the top instead of failing", async ({ page }) => {
    const org = await createOrg("Cursor");
    for (const [who, paths] of [
      [org.admin, ["/admin/members", "/admin/invitations", "/admin/reports", "/admin/outbox", "/cases"]],
      [org.supervisor, ["/reviews"]],
      [org.trainee, ["/cases"]],
    ] as const) {
      await page.context().clearCookies();
      await new LoginPage(page).signInAs(who.email, TEST_PASSWORD);
      for (const path of paths) {
        for (const after of hostile) {
          const res = await page.goto(`${path}?after=${encodeURIComponent(after)}`);
          expect(res?.status(), `${path} as ${who.email} with ${after}`).toBe(200);
        }
      }
    }
  });
});
