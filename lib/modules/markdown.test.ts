import { describe, expect, it } from "vitest";
import { readingMinutes, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings, lists, emphasis and tables", () => {
    const html = renderMarkdown("## Goals\n\n- **bond**\n- tasks\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toContain("<h2>Goals</h2>");
    expect(html).toContain("<li><strong>bond</strong></li>");
    expect(html).toContain('<th scope="col">a</th>');
  });

  it("strips script, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1)) <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img/);
  });

  it("demotes a stray h1 so the page keeps one h1", () => {
    expect(renderMarkdown("# Title").trim()).toBe("<h2>Title</h2>");
  });
});

describe("readingMinutes", () => {
  it("rounds at 200 words a minute with a floor of one", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(650)).toBe(3);
  });
});

describe("renderLesson", () => {
  it("renders once per lesson version and re-renders when the lesson changes", async () => {
    const { renderLesson } = await import("./markdown");
    const at = new Date("2026-01-01T00:00:00Z");
    const first = renderLesson({ id: "l1", updatedAt: at, body: "## One" });
    expect(first).toContain("<h2>One</h2>");
    expect(renderLesson({ id: "l1", updatedAt: at, body: "## Ignored: same version" })).toBe(first);
    expect(renderLesson({ id: "l1", updatedAt: new Date(at.getTime() + 1), body: "## Two" })).toContain("<h2>Two</h2>");
  });
});
