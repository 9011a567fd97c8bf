import { expect, test, type Browser, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { practiceAttempts, practiceFeedback } from "@/db/schema";
import { findChromium } from "@/scripts/find-chromium.cjs";
import { createOrg, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { seedCase } from "../fixtures/cases-seed";
import { cohortWith } from "../fixtures/evaluations";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// The practice studio (issue 20): a trainee with a logged case is offered a drill that matches
// its markers, records a spoken response with Chromium's fake microphone and types another; their
// supervisor rates it on the anchored scales; the trainee sees the feedback, retries, and compares
// the attempts side by side. An admin writes a drill of the organisation's own. Someone of another
// organisation gets not-found. axe on every new page.

// Chromium's fake microphone (a steady tone) and an automatic "allow" to the permission prompt,
// beside the executable and flags playwright.config.ts sets for every spec.
test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
    ],
  },
});

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

test.describe("practice studio", () => {
  // A ceiling for a stuck test, not a speed check: three people sign in and axe scans eight
  // pages; on a loaded two-core machine the first walk ran past five minutes.
  test.describe.configure({ timeout: 600_000 });

  test("a trainee practises the repair their case called for, spoken and typed; the supervisor rates it; the trainee retries and compares", async ({ browser }) => {
    const org = await createOrg("E2ePractice");
    const { caseId } = await seedCase(org, "submitted");

    // The case page offers drills that share the case's markers.
    const trainee = await signedIn(browser, org.trainee);
    await trainee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Practice" }).click();
    await expect(trainee.getByRole("heading", { level: 1, name: "Practice studio" })).toBeVisible();
    await expect(trainee.getByRole("heading", { name: "Practise what your latest case showed" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.goto(`/cases/${caseId}`);
    const offered = trainee.getByRole("region", { name: "Practise the repair" }).getByTestId("suggested-drills").getByRole("listitem");
    await expect(offered.first()).toContainText(/shares (Minimal responses|Deferential)/);
    await offered.first().getByRole("link").click();
    await trainee.waitForURL(/\/practice\/drills\/[a-z0-9-]+$/);
    const drillUrl = trainee.url();
    await expect(trainee.getByRole("heading", { name: "The moment" })).toBeVisible();
    // The model response waits until the trainee has tried.
    await expect(trainee.getByRole("heading", { name: "One way to respond" })).toHaveCount(0);
    await expectAccessible(trainee);

    // Spoken: record with the fake microphone, listen back, then submit.
    await trainee.getByLabel("Say it (record up to 90 seconds)").check();
    await trainee.getByRole("button", { name: "Start recording" }).click();
    await expect(trainee.getByRole("timer", { name: "Time left to record" })).toBeVisible();
    await expect(trainee.getByRole("timer")).toContainText("left");
    await expectAccessible(trainee);
    await trainee.getByRole("button", { name: "Stop recording" }).click();
    await expect(trainee.getByLabel("Your recording")).toBeVisible();
    await expect(trainee.getByRole("button", { name: "Record again" })).toBeVisible();
    await trainee.getByRole("button", { name: "Submit this recording" }).click();
    await trainee.waitForURL(/\/practice\/attempts\/[0-9a-f-]+\?submitted=1/);
    await expect(trainee.getByText("Response submitted.", { exact: false })).toBeVisible();
    await expect(trainee.getByRole("heading", { name: "One way to respond" })).toBeVisible();
    const spokenUrl = trainee.url().split("?")[0];
    const recording = await trainee.request.get(`${spokenUrl}/recording`);
    expect(recording.status()).toBe(200);
    expect(recording.headers()["content-type"]).toBe("audio/webm");
    expect(recording.headers()["cache-control"]).toBe("private, no-store");
    await expectAccessible(trainee);

    // Typed: the same drill again.
    await trainee.getByRole("link", { name: "Try this drill again" }).click();
    await expect(trainee.getByRole("heading", { name: "Try it again" })).toBeVisible();
    await trainee.getByRole("button", { name: "Submit typed response" }).click();
    await expect(trainee.getByText("Write the response.", { exact: false })).toBeVisible();
    await trainee
      .getByLabel("What you would say to the client")
      .fill("I noticed you went quiet when I suggested that. I may have rushed ahead of you. What was it like to hear it?");
    await trainee.getByRole("button", { name: "Submit typed response" }).click();
    await trainee.waitForURL(/\/practice\/attempts\/[0-9a-f-]+\?submitted=1/);
    const typedUrl = trainee.url().split("?")[0];
    await expect(trainee.getByText("I may have rushed ahead of you.", { exact: false })).toBeVisible();

    // The supervisor rates the typed response from their queue.
    const supervisor = await signedIn(browser, org.supervisor);
    await supervisor.goto("/practice");
    const waiting = supervisor.getByTestId("awaiting-feedback").getByRole("listitem");
    await expect(waiting).toHaveCount(2);
    await expectAccessible(supervisor);
    await supervisor.goto(typedUrl);
    await expect(supervisor.getByRole("heading", { name: "Rate this response" })).toBeVisible();
    await supervisor.getByRole("button", { name: "Save feedback" }).click();
    await expect(supervisor.getByText("Choose a point on the empathic attunement scale.")).toBeVisible();
    await supervisor.getByLabel("Acknowledges own contribution (disarming)").check();
    await supervisor.getByLabel("Invites the client's thoughts and feelings about the therapist or therapy").check();
    await supervisor.getByTestId("scale-attunement").getByLabel("4 · Attuned").check();
    await supervisor.getByTestId("scale-nonDefensiveness").getByLabel("5 · Disarming").check();
    await supervisor.getByTestId("scale-invitation").getByLabel("4 · Invites").check();
    await supervisor.getByLabel("Comment for the trainee").fill("You named the moment and owned your part. Next time, slow down before the question.");
    await supervisor.getByRole("button", { name: "Save feedback" }).click();
    await expect(supervisor.getByText("Feedback saved. The trainee has been told.")).toBeVisible();
    await expectAccessible(supervisor);
    const db = await getDb();
    const typedId = typedUrl.split("/").pop()!;
    const [saved] = await db.select().from(practiceFeedback).where(and(eq(practiceFeedback.organisationId, org.orgId), eq(practiceFeedback.attemptId, typedId)));
    expect(saved).toMatchObject({ attunement: 4, nonDefensiveness: 5, invitation: 4 });
    expect([...saved.strategies].sort()).toEqual(["r_acknowledge_contribution", "r_invite_feelings"]);

    // The trainee sees the feedback, and both attempts side by side.
    await trainee.goto(typedUrl);
    await expect(trainee.getByTestId("feedback")).toContainText("4.3 out of 5 on average");
    await expect(trainee.getByTestId("feedback")).toContainText("Disarming");
    await trainee.getByRole("link", { name: "Compare attempts" }).click();
    await expect(trainee.getByRole("heading", { level: 1, name: /^Attempts at/ })).toBeVisible();
    const columns = trainee.getByTestId("compare-attempts").getByRole("listitem");
    await expect(columns).toHaveCount(2);
    await expect(columns.nth(0)).toContainText("spoken");
    await expect(columns.nth(0).getByLabel(/^Recording of the response/)).toBeVisible();
    await expect(columns.nth(1)).toContainText("I may have rushed ahead of you.");
    await expect(columns.nth(1)).toContainText("4.3 out of 5 on average");
    await expectAccessible(trainee);
    await trainee.goto("/practice/log");
    await expect(trainee.getByRole("heading", { name: "Levels reached per marker" })).toBeVisible();
    await expectAccessible(trainee);
    await trainee.goto(drillUrl);
    await expect(trainee.getByRole("heading", { name: "Your responses to this drill" })).toBeVisible();

    // Someone of another organisation finds nothing there: not the response, not the recording.
    const other = await createOrg("E2ePracticeOther");
    const outsider = await signedIn(browser, other.supervisor);
    await outsider.goto(typedUrl);
    await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect((await outsider.request.get(`${spokenUrl}/recording`)).status()).toBe(404);
    const count = await db.select().from(practiceAttempts).where(eq(practiceAttempts.organisationId, org.orgId));
    expect(count).toHaveLength(2);
  });

  test("a refused microphone, or a browser that can't record, says so and falls back to typing", async ({ browser }) => {
    const org = await createOrg("E2ePracticeMic");
    const context = await browser.newContext();
    // The person says no to the microphone prompt.
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    const page = await context.newPage();
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/practice");
    await page.getByRole("region", { name: "Drills" }).getByRole("link").first().click();
    await page.getByLabel("Say it (record up to 90 seconds)").check();
    await page.getByRole("button", { name: "Start recording" }).click();
    await expect(page.getByRole("status").filter({ hasText: "wasn't allowed to use your microphone" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Type your response instead" }).click();
    await expect(page.getByLabel("What you would say to the client")).toBeFocused();

    // A browser without MediaRecorder is told at once, and offered typing.
    const old = await browser.newContext();
    await old.addInitScript(() => {
      Object.defineProperty(window, "MediaRecorder", { value: undefined });
    });
    const oldPage = await old.newPage();
    await new LoginPage(oldPage).signInAs(org.otherTrainee.email, TEST_PASSWORD);
    await oldPage.goto(page.url());
    await oldPage.getByLabel("Say it (record up to 90 seconds)").check();
    await expect(oldPage.getByText("This browser can't record audio. Type your response instead.")).toBeVisible();
    await expect(oldPage.getByRole("button", { name: "Start recording" })).toHaveCount(0);
  });

  test("an admin writes a drill of the organisation's own, and a supervisor sets it for a cohort", async ({ browser }) => {
    const org = await createOrg("E2ePracticeAuthor");
    await cohortWith(org.orgId, [org.trainee, org.otherTrainee], "Practice intake");
    const admin = await signedIn(browser, org.admin);
    await admin.goto("/practice/manage");
    await expect(admin.getByRole("heading", { level: 1, name: "Your organisation's drills" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Write a drill" }).click();
    await admin.getByRole("button", { name: "Save the drill" }).click();
    await expect(admin.getByText("Tick at least one marker the client shows.")).toBeVisible();
    await expect(admin.getByText("Write the title", { exact: false }).first()).toBeVisible();
    await expectAccessible(admin);
    await admin.getByLabel("Title").fill("The cancelled session");
    await admin.getByLabel("Rupture type").selectOption("confrontation");
    await admin.getByLabel("Complaint about the parameters (time, fees, scheduling)").check();
    await admin.getByLabel("Level 2: a subtler marker").check();
    await admin.getByLabel("Context").fill("You cancelled last week's session at short notice. The client arrives on time and says nothing for a while.");
    await admin.getByLabel("What the client says").fill("Nice of you to turn up this week.");
    await admin.getByLabel("Invites the client's thoughts and feelings about the therapist or therapy").check();
    await admin.getByLabel("Model response").fill("I cancelled at short notice and you were left without your session. I'd like to hear what that was like for you.");
    await admin.getByRole("button", { name: "Save the drill" }).click();
    await admin.waitForURL(/\/practice\/manage\/[0-9a-f-]+\?saved=created/);
    await expect(admin.getByText("Drill saved.", { exact: false })).toBeVisible();
    await expectAccessible(admin);
    const drillPath = admin.url().split("?")[0].replace("/practice/manage/", "/practice/drills/");

    const supervisor = await signedIn(browser, org.supervisor);
    await supervisor.goto(drillPath);
    await expect(supervisor.getByRole("heading", { level: 1, name: "The cancelled session" })).toBeVisible();
    await supervisor.getByLabel("A cohort").check();
    await supervisor.getByLabel("Cohort", { exact: true }).selectOption({ label: "Practice intake (1 trainee)" });
    await supervisor.getByLabel("Due date (optional)").fill("2030-06-30");
    await supervisor.getByRole("button", { name: "Assign this drill" }).click();
    await expect(supervisor.getByText("Assigned to 1 trainee.", { exact: false })).toBeVisible();
    await expectAccessible(supervisor);

    // It sits on the trainee's checklist with their required modules.
    const trainee = await signedIn(browser, org.trainee);
    await expect(trainee.getByTestId("onboarding-checklist")).toContainText("The cancelled session");
    await expect(trainee.getByTestId("onboarding-checklist")).toContainText(`Practice drill set by ${org.supervisor.name}`);
  });
});
