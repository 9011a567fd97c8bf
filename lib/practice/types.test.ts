import { describe, expect, it } from "vitest";
import { keyOf, quoted, refOf } from "./types";

describe("drill references and titles", () => {
  it("names a drill by exactly one of its slug or its id, and reads the key back", () => {
    expect(refOf("withdrawal-denial-1", false)).toEqual({ drillSlug: "withdrawal-denial-1", drillId: null });
    expect(refOf("7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", true)).toEqual({ drillSlug: null, drillId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50" });
    expect(keyOf({ drillSlug: null, drillId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50" })).toBe("7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50");
  });

  it("quotes a title once, even when the title is itself a quotation", () => {
    expect(quoted("The fee increase")).toBe("“The fee increase”");
    expect(quoted("“No, I’m not upset”")).toBe("“No, I’m not upset”");
  });
});
