import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-redirect";

describe("safeCallback", () => {
  it("keeps same-site paths", () => {
    expect(safeCallback("/cases/123?tab=review")).toBe("/cases/123?tab=review");
  });
  it("refuses other sites and protocol-relative tricks", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined]) {
      expect(safeCallback(bad)).toBe("/home");
    }
  });
});
