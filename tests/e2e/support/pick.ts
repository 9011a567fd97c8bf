import { expect, type Locator, type Page } from "@playwright/test";

/** Chooses a person in a search-as-you-type picker (components/ui/person-picker.tsx) as a person would: types, then clicks the result. */
export async function pickPerson(page: Page, label: string, person: { name: string; email: string }): Promise<void> {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(person.name);
  await page.getByRole("listbox", { name: `${label} results` }).getByRole("option", { name: person.email }).click();
  await expect(box).toHaveValue(person.name);
}

/** Chooses a cohort in a cohort picker (within `scope`: a page may have two) by typing its name. */
export async function pickCohort(scope: Page | Locator, label: string, name: string): Promise<void> {
  const box = scope.getByRole("combobox", { name: label, exact: true });
  await box.fill(name);
  await scope.getByRole("listbox", { name: `${label} results` }).getByRole("option", { name }).first().click();
  await expect(box).toHaveValue(name);
}
