import { expect, test } from "@playwright/test";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { curriculumModule } from "../fixtures/curriculum";
import { ClientWeightPages } from "../pages/client-weight-pages";
import { LoginPage } from "../pages/login-page";

// A lesson is text: it must ship no client JavaScript of its own, only the app shell that every
// signed-in page loads. The shell is what two minimal signed-in pages (/home and /account) share;
// any chunk the lesson page loads outside that set is a client component that crept in.

const MOD = curriculumModule("why-the-alliance-matters");

test("a lesson page ships no client JavaScript beyond the app shell", async ({ page }) => {
  const org = await createOrg("Weight");
  await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
  const pages = new ClientWeightPages(page);

  const home = await pages.chunksOf("/home", "Your training");
  const account = await pages.chunksOf("/account", /account/i);
  const shell = home.filter((c) => account.includes(c));
  expect(shell.length, "the app shell loads the React and Next.js runtime").toBeGreaterThan(0);

  for (const lesson of MOD.lessons.slice(0, 2)) {
    const chunks = await pages.chunksOf(`/modules/${MOD.slug}/lessons/${lesson.slug}`, lesson.title);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((c) => !shell.includes(c)), `chunks the lesson "${lesson.title}" adds to the app shell`).toEqual([]);
  }
});
