import { describe, expect, it } from "vitest";
import { parseAcrValues } from "./acr-values";

describe("the admin's list of acr values", () => {
  it("splits on spaces and commas, drops repeats, and refuses spaces inside, control characters, or too many", () => {
    expect(parseAcrValues(" phrh,  urn:example:mfa\nphrh ")).toEqual({ values: ["phrh", "urn:example:mfa"] });
    expect(parseAcrValues("")).toEqual({ values: [] });
    expect(parseAcrValues("bad\u0007value")).toHaveProperty("error");
    expect(parseAcrValues("x".repeat(201))).toHaveProperty("error");
    expect(parseAcrValues(Array.from({ length: 11 }, (_, i) => `v${i}`).join(" "))).toEqual({ error: "List at most 10 values." });
  });
});
