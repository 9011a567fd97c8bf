import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/util/safe-redirect";

describe("safeCallback", () => {
  it("keeps same-site paths", () => {
    expect(safeCallback("/cases/123?tab=review")).toBe("/cases/123?tab=review");
    expect(safeCallback("/invite/abc#top")).toBe("/invite/abc#top");
  });

  it("refuses other sites and protocol-relative tricks", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined, null, "/%09/evil.example/".replace("%09", "\t"), "/\t/evil.example/", "/\n/evil.example", "/ok\r\nSet-Cookie: x=1", "\\\\evil.example", "/a\\b"]) {
      expect(safeCallback(bad as string), JSON.stringify(bad)).toBe("/home");
    }
  });

  it("answers non-Latin-1 text with a percent-encoded path that fits in a header", () => {
    const r = safeCallback("/cases?q=会话😀");
    expect(r.startsWith("/cases?q=")).toBe(true);
    expect(/^[\x21-\x7e]*$/.test(r)).toBe(true);
  });

  it("never returns anything a browser would take to another origin (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: "binary" }), (s) => {
        const r = safeCallback(s);
        const resolved = new URL(r, "https://rapport.example");
        expect(resolved.origin).toBe("https://rapport.example");
        expect(/[\u0000-\u001f\u007f\\]/.test(r)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom("/", "//", "/\t/", "/\\", "\\/"), fc.webUrl(), (prefix, url) => {
        expect(new URL(safeCallback(prefix + url.replace(/^https?:\/\//, "")), "https://rapport.example").origin).toBe("https://rapport.example");
      }),
    );
  });
});
