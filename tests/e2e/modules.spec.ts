import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { curriculumModule, explanationsOf } from "../fixtures/curriculum";
import { LoginPage } from "../pages/login-page";
import { ModulePages } from "../pages/module-pages";
import { expectAccessible } from "./axe";

const MOD = curriculumModule("why-the-alliance-matters");

test.describe("training modules", () => {
  test("a trainee reads every lesson, fails the check, retakes and passes, and gets a verifiable certificate", async ({ page }) => {
    // Ten pages, most scanned with axe: past two minutes when the two cores are shared.
    test.setTimeout(300_000);
    const org = await createOrg("Learn");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/modules");
    await expect(page.getByRole("heading", { name: "Training modules" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: MOD.title }).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
    await expectAccessible(page);

    const modules = new ModulePages(page);
    await modules.openModule(MOD.slug, MOD.title);
    await expectAccessible(page);
    await modules.readAllLessons(MOD.lessons.map((l) => l.title));
    await expect(page.getByRole("heading", { level: 1, name: MOD.title })).toBeVisible();
    await expect(page.getByText("✓ Complete")).toHaveCount(MOD.lessons.length);

    // A first attempt with two wrong answers (75% of the 8 drawn) does not pass, and (by default)
    // shows which questions were wrong without the answers.
    await modules.takeCheck(MOD, 2);
    await expect(page.getByRole("heading", { name: /Your result: 75%/ })).toBeVisible();
    await expect(page.getByText("Not passed yet")).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Question \d+: incorrect$/ })).toHaveCount(2);
    await expect(page.getByText("Correct option.")).toHaveCount(0);
    const shown = await page.locator("main").innerText();
    for (const e of explanationsOf(MOD)) expect(shown).not.toContain(e);
    await expectAccessible(page);

    // An unanswered check is refused with a message per question, and nothing is stored.
    await page.goto(`/modules/${MOD.slug}/check`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByText("Answer question 1 before submitting.")).toBeVisible();
    await expectAccessible(page);

    await modules.takeCheck(MOD);
    await expect(page.getByRole("heading", { name: "Your result: 100%" })).toBeVisible();
    await expect(page.getByText("Certificate issued")).toBeVisible();
    await page.getByRole("link", { name: "Back to the module" }).click();
    await expect(page.getByRole("heading", { name: "Module complete" })).toBeVisible();
    await expectAccessible(page);

    const serial = (await page.getByText(/Certificate RAP-/).textContent())!.match(/RAP-[0-9A-Z-]{19}/)![0];
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download certificate (PDF)" }).click();
    const file = await (await download).path();
    const fs = await import("node:fs");
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain(org.trainee.name);
    expect(text).toContain(serial);
    expect(text).toContain(MOD.title);

    await page.context().clearCookies();
    await page.goto(`/verify/${serial}`);
    await expect(page.getByText("This certificate is genuine.")).toBeVisible();
    await expect(page.getByTestId("verify-name")).toHaveText(org.trainee.name);
    await expect(page.getByTestId("verify-module")).toHaveText(MOD.title);
    // Issue 16: the verification page names the issuing organisation.
    await expect(page.getByTestId("verify-org")).toHaveText(org.name);
    await expectAccessible(page);
    await page.goto(`/verify/RAP-0000-0000-0000-0000`);
    await expect(page.getByText("We have no certificate with this serial.")).toBeVisible();
  });

  test("reflections are private until shared, and only assigned supervisors see shared ones", async ({ browser }) => {
    const org = await createOrg("Reflect");
    const trainee = await (await browser.newContext()).newPage();
    await new LoginPage(trainee).signInAs(org.trainee.email, TEST_PASSWORD);
    await trainee.goto(`/modules/${MOD.slug}/reflection`);
    await expectAccessible(trainee);
    const box = trainee.getByRole("textbox").first();
    await box.fill("A swimming coach who agreed goals with me and explained every drill.");
    await expect(trainee.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
    await trainee.reload();
    await expect(trainee.getByRole("textbox").first()).toHaveValue("A swimming coach who agreed goals with me and explained every drill.");

    // An attempt of the trainee's own, for the second trainee to try to open.
    await new ModulePages(trainee).takeCheck(MOD);
    const attemptUrl = trainee.url();

    // Private: the assigned supervisor sees progress but no reflection yet.
    const supervisor = await (await browser.newContext()).newPage();
    await new LoginPage(supervisor).signInAs(org.supervisor.email, TEST_PASSWORD);
    await supervisor.goto(`/trainees/${org.trainee.membershipId}`);
    await expect(supervisor.getByText("Nothing shared with you yet.", { exact: false })).toBeVisible();

    await trainee.goto(`/modules/${MOD.slug}/reflection`);
    await trainee.getByRole("button", { name: "Share with my supervisors" }).click();
    await expect(trainee.getByText("Shared with your supervisors", { exact: true })).toBeVisible();

    await supervisor.reload();
    await expect(supervisor.getByText("A swimming coach who agreed goals", { exact: false })).toBeVisible();
    await expect(supervisor.getByText("100% (passed)")).toBeVisible();
    await expectAccessible(supervisor);

    // An unassigned supervisor and another trainee get not-found.
    const other = await (await browser.newContext()).newPage();
    await new LoginPage(other).signInAs(org.otherSupervisor.email, TEST_PASSWORD);
    expect((await other.goto(`/trainees/${org.trainee.membershipId}`))?.status()).toBe(404);
    await other.goto("/trainees");
    await expect(other.getByText(org.trainee.name)).toHaveCount(0);

    const second = await (await browser.newContext()).newPage();
    await new LoginPage(second).signInAs(org.otherTrainee.email, TEST_PASSWORD);
    expect((await second.goto(attemptUrl.replace(/^https?:\/\/[^/]+/, "")))?.status()).toBe(404);
    expect((await second.goto(`/trainees/${org.trainee.membershipId}`))?.status()).toBe(404);
    await second.goto(`/modules/${MOD.slug}/reflection`);
    await expect(second.getByRole("textbox").first()).toHaveValue("");

    // Unsharing withdraws it at once.
    await trainee.getByRole("button", { name: "Stop sharing" }).click();
    // Exact: the page's introduction also says "private to you", which a loose match would find at once.
    await expect(trainee.getByText("Private to you", { exact: true })).toBeVisible();
    await expect(async () => {
      await supervisor.reload();
      await expect(supervisor.getByText("Nothing shared with you yet.", { exact: false })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 15_000 });
    await expect(supervisor.getByText("A swimming coach who agreed goals", { exact: false })).toHaveCount(0);
  });

  test("a reflection naming someone is flagged next to the answer and can't be shared until the name is gone", async ({ page }) => {
    const org = await createOrg("ReflFlag");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto(`/modules/${MOD.slug}/reflection`);
    const box = page.getByRole("textbox").first();
    await box.fill("I noticed how Mr Johnson at the corner shop waits for me to speak first.");
    const flag = page.getByTestId("flag").filter({ hasText: "Mr Johnson" });
    await expect(flag).toContainText("Looks like a person's name");
    // the draft still saves privately, with the warning
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
    await expect(page.getByText("Your draft is saved privately with them.", { exact: false })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Share with my supervisors" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Your reflection wasn't shared" })).toBeVisible();
    await expect(page.getByText("Private to you", { exact: true })).toBeVisible();
    await expectAccessible(page);

    await box.fill("I noticed how the shopkeeper at the corner shop waits for me to speak first.");
    await expect(page.getByTestId("flag")).toHaveCount(0);
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 15_000 });
    await page.getByRole("button", { name: "Share with my supervisors" }).click();
    await expect(page.getByText("Shared with your supervisors", { exact: true })).toBeVisible();
  });

  test("a reflection survives a network failure: the person is told, the text stays, and it saves on retry", async ({ page }) => {
    const org = await createOrg("Offline");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto(`/modules/two-relationships/reflection`);
    await expect(page.getByRole("heading", { name: "Reflection: two relationships" })).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(13);
    await page.route("**/modules/two-relationships/reflection", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    const first = page.getByLabel("How would you describe this relationship in a few words?").first();
    await first.fill("Friendly but brief; we talk about the weather.");
    await expect(page.getByTestId("save-status")).toHaveText("Not saved yet: retrying", { timeout: 15_000 });
    await expect(page.getByText("We couldn't reach Rapport", { exact: false })).toBeVisible();
    await expect(first).toHaveValue("Friendly but brief; we talk about the weather.");
    await page.unroute("**/modules/two-relationships/reflection");
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved", { timeout: 20_000 });
    await page.reload();
    await expect(page.getByLabel("How would you describe this relationship in a few words?").first()).toHaveValue("Friendly but brief; we talk about the weather.");
  });

  test("another organisation gets not-found for a certificate download and a trainee's progress", async ({ browser }) => {
    const a = await createOrg("CertA");
    const b = await createOrg("CertB");
    const pa = await (await browser.newContext()).newPage();
    await new LoginPage(pa).signInAs(a.trainee.email, TEST_PASSWORD);
    const modules = new ModulePages(pa);
    await modules.openModule(MOD.slug, MOD.title);
    await modules.readAllLessons(MOD.lessons.map((l) => l.title));
    await modules.takeCheck(MOD);
    await pa.goto(`/modules/${MOD.slug}`);
    const serial = (await pa.getByText(/Certificate RAP-/).textContent())!.match(/RAP-[0-9A-Z-]{19}/)![0];

    const pb = await (await browser.newContext()).newPage();
    await new LoginPage(pb).signInAs(b.admin.email, TEST_PASSWORD);
    expect((await pb.request.get(`/certificates/${serial}/pdf`)).status()).toBe(404);
    expect((await pb.goto(`/trainees/${a.trainee.membershipId}`))?.status()).toBe(404);
    const pOther = await (await browser.newContext()).newPage();
    await new LoginPage(pOther).signInAs(a.otherTrainee.email, TEST_PASSWORD);
    expect((await pOther.request.get(`/certificates/${serial}/pdf`)).status()).toBe(404);
    // The organisation's own admin may download it.
    const pAdmin = await (await browser.newContext()).newPage();
    await new LoginPage(pAdmin).signInAs(a.admin.email, TEST_PASSWORD);
    const ok = await pAdmin.request.get(`/certificates/${serial}/pdf`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toBe("application/pdf");
  });

  test("@smoke the demo trainee sees the catalogue and can open a lesson", async ({ page }) => {
    await new LoginPage(page).signInAs("trainee@harbourside.example", "rapport-demo-2026");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Modules" }).click();
    await expect(page.getByRole("heading", { name: "Training modules" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Why the alliance matters" })).toBeVisible();
    await page.goto(`/modules/rogerian-lens/lessons/the-six-conditions`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });
});
