import { expect, type Page } from "@playwright/test";
import { scriptChunks } from "../../scripts/bench/lib/chunks";
import { expectAccessible } from "../e2e/axe";

/** Opens a signed-in page as a person would, then lists the JavaScript chunks its HTML makes the browser load. */
export class ClientWeightPages {
  constructor(readonly page: Page) {}

  async chunksOf(path: string, heading: string | RegExp): Promise<string[]> {
    await this.page.goto(path);
    await expect(this.page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(this.page);
    // The server's HTML (same cookies as the page): what every visitor downloads, cache or not.
    const res = await this.page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), `${path} should render for a signed-in trainee`).toBe(200);
    return scriptChunks(await res.text());
  }
}
