import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, organisations } from "@/db/schema";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Issue 19: the audit log's retention setting, and the viewer paging through a log that spans
// monthly partitions.

test.describe("audit log retention and paging", () => {
  test("an admin sets how many years the audit log is kept: less than a year is refused beside the field; the change is audited", async ({ page }) => {
    const org = await createOrg("Retention");
    const db = await getDb();
    const years = async () => (await db.select({ y: organisations.auditRetentionYears }).from(organisations).where(eq(organisations.id, org.orgId)))[0].y;
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/organisation");
    await expect(page.getByRole("heading", { level: 2, name: "Audit log retention" })).toBeVisible();
    const field = page.getByLabel("Keep audit records for (years)");
    await expect(field).toHaveValue("7");

    await field.fill("0");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Keep audit records for at least 1 year: accreditation requires them." })).toBeVisible();
    await expectAccessible(page);
    expect(await years()).toBe(7);

    await field.fill("3");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByText("Audit records are now kept for 3 years.")).toBeVisible();
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    expect(await years()).toBe(3);

    await page.goto("/admin/audit?category=settings");
    const row = page.getByTestId("audit-row").filter({ hasText: "Changed how many years the audit log is kept" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("From");
    await expect(row).toContainText("7");
    await expect(row).toContainText("3");
    await expectAccessible(page);
  });

  test("the viewer pages back through months of events with 'Older events', each event once", async ({ page }) => {
    const org = await createOrg("Paging");
    const db = await getDb();
    // 130 events, one a day going back from yesterday: two pages, spanning several monthly partitions.
    const day = 86_400_000;
    await db.insert(auditEvents).values(
      Array.from({ length: 130 }, (_, i) => ({
        organisationId: org.orgId,
        actorUserId: org.admin.userId,
        action: "cohort.created" as const,
        targetType: "cohort",
        targetId: `paging-${i}`,
        outcome: "success" as const,
        detail: { name: `Paging cohort ${String(i).padStart(3, "0")}` },
        occurredAt: new Date(Date.now() - (i + 1) * day),
      })),
    );
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/audit?action=cohort.created");
    const names = async () => (await page.getByTestId("audit-row").allInnerTexts()).map((t) => /Paging cohort (\d{3})/.exec(t)?.[1]).filter(Boolean);
    // 50 a page: 50, 50, then the last 30.
    const first = await names();
    expect(first).toHaveLength(50);
    expect(first[0]).toBe("000");
    await page.getByRole("link", { name: "Older events" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect(page.getByTestId("audit-row").first()).toContainText("Paging cohort 050");
    const second = await names();
    expect(second).toHaveLength(50);
    await page.getByRole("link", { name: "Older events" }).click();
    await expect(page.getByTestId("audit-row").first()).toContainText("Paging cohort 100");
    const third = await names();
    expect(third).toHaveLength(30);
    expect([...first, ...second, ...third]).toEqual(Array.from({ length: 130 }, (_, i) => String(i).padStart(3, "0")));
    await expect(page.getByRole("link", { name: "Older events" })).toHaveCount(0);
    await expectAccessible(page);
  });
});
