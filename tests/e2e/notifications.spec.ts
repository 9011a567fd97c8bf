import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationPreferences, notifications } from "@/db/schema";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { notifyPerson } from "../fixtures/notifications";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// The inbox (issue 13): the shell's unread badge, the inbox page, and the notification
// preferences on the account page. Notifications are created through the real notify().

const inboxLink = (page: Page) => page.getByTestId("inbox-link");

test.describe("notifications", () => {
  test("the inbox and the preference form pass axe, empty and with notifications", async ({ page }) => {
    const org = await createOrg("InboxAxe");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/inbox");
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
    await expect(page.getByText("Feedback on your cases, modules that become required for you")).toBeVisible();
    await expectAccessible(page);

    await notifyPerson(org, org.trainee, { kind: "changes_requested", title: "Your supervisor asked for changes to your case.", body: "Open the case to read their feedback." });
    await notifyPerson(org, org.trainee, { kind: "signed_off", title: "Your case was signed off." });
    await page.reload();
    const items = page.getByTestId("inbox-item");
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText("Your case was signed off.");
    await expect(items.first()).toContainText("Unread");
    await expectAccessible(page);

    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the unread count rises when a notification arrives; opening, marking and marking all bring it down", async ({ page }) => {
    const org = await createOrg("InboxCount");
    await new LoginPage(page).signInAs(org.supervisor.email, TEST_PASSWORD);
    await expect(inboxLink(page)).toHaveAccessibleName("Inbox");
    await expect(page.getByTestId("inbox-badge")).toHaveCount(0);

    for (const n of [1, 2, 3]) await notifyPerson(org, org.supervisor, { kind: "case_submitted", title: `Trainee ${n} submitted a case for your review.`, href: "/reviews" });
    await page.reload();
    await expect(inboxLink(page)).toHaveAccessibleName("Inbox, 3 unread");
    await expect(page.getByTestId("inbox-badge")).toHaveText("3");

    await inboxLink(page).click();
    await page.waitForURL("**/inbox");
    await page.getByRole("button", { name: "Mark as read: Trainee 3 submitted a case for your review." }).click();
    await expect(inboxLink(page)).toHaveAccessibleName("Inbox, 2 unread");

    // Following an item marks it read and lands on what it is about.
    await page.getByRole("link", { name: "Trainee 2 submitted a case for your review." }).click();
    await page.waitForURL("**/reviews");
    await expect(inboxLink(page)).toHaveAccessibleName("Inbox, 1 unread");

    await page.goto("/inbox");
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByRole("status").filter({ hasText: "All notifications marked as read." })).toBeVisible();
    await expect(inboxLink(page)).toHaveAccessibleName("Inbox");
    await expect(page.getByTestId("inbox-badge")).toHaveCount(0);
    await expect(page.getByTestId("inbox-item").and(page.locator("[data-unread=true]"))).toHaveCount(0);
  });

  test("preferences save with a confirmation, and the safety notification stays locked", async ({ page }) => {
    const org = await createOrg("InboxPrefs");
    await new LoginPage(page).signInAs(org.supervisor.email, TEST_PASSWORD);
    await page.goto("/account");
    const choice = page.getByLabel("A trainee submits a case for your review");
    await expect(choice).toHaveValue("email");
    await choice.selectOption({ label: "In-app and daily digest" });
    await page.getByLabel("Someone comments on a case you're part of").selectOption({ label: "In-app only" });
    await page.getByRole("button", { name: "Save notification preferences" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your notification preferences are saved." })).toBeVisible();
    await expect(page.getByTestId("pref-locked-case_risk")).toContainText("Always in-app and email.");
    await expect(page.getByLabel("A case mentions possible risk to someone's safety")).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel("A trainee submits a case for your review")).toHaveValue("digest");
    await expect(page.getByLabel("Someone comments on a case you're part of")).toHaveValue("in_app");
    const db = await getDb();
    const saved = await db
      .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.organisationId, org.orgId), eq(notificationPreferences.membershipId, org.supervisor.membershipId)));
    expect(saved.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "case_comment", channel: "in_app" },
      { kind: "case_submitted", channel: "digest" },
    ]);
    // The next case submitted waits for the digest instead of an email.
    await notifyPerson(org, org.supervisor, { kind: "case_submitted", title: "A trainee submitted a case for your review.", href: "/reviews" });
    const [row] = await db.select({ emailed: notifications.emailed }).from(notifications).where(eq(notifications.recipientMembershipId, org.supervisor.membershipId));
    expect(row.emailed).toBe("digest");
  });

  test("at 375 px the inbox link is visible and reachable from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const org = await createOrg("InboxNarrow");
    await notifyPerson(org, org.admin, { kind: "invitation_accepted", title: "Someone accepted your invitation.", href: `/admin/members/${org.trainee.membershipId}` });
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await expect(inboxLink(page)).toBeVisible();
    await expect(inboxLink(page)).toBeInViewport();
    let focused = false;
    for (let i = 0; i < 15 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await inboxLink(page).evaluate((el) => el === document.activeElement);
    }
    expect(focused, "the inbox link takes keyboard focus").toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/inbox");
    await expect(page.getByTestId("inbox-item")).toHaveCount(1);
    await expectAccessible(page);
  });
});
