import { describe, expect, it } from "vitest";
import { newSerial, normaliseSerial, SERIAL_PATTERN } from "@/lib/util/serial";

describe("certificate serials as people type them", () => {
  it("accepts the printed form, lower case, spaces, no dashes, and no RAP prefix", () => {
    const s = newSerial();
    expect(s).toMatch(SERIAL_PATTERN);
    expect(normaliseSerial(s)).toBe(s);
    expect(normaliseSerial(s.toLowerCase())).toBe(s);
    expect(normaliseSerial(`  ${s.replace(/-/g, " ")}  `)).toBe(s);
    expect(normaliseSerial(s.slice(4).replace(/-/g, ""))).toBe(s);
  });

  it("reads O as zero and I or L as one (they are never printed)", () => {
    expect(normaliseSerial("RAP-O0O0-1111-IIII-LLLL")).toBe("RAP-0000-1111-1111-1111");
  });

  it("refuses anything that can't be a serial", () => {
    for (const bad of ["", "RAP", "RAP-1234", "RAP-1234-5678-9ABC-DEFG-HJKM", "RAP-UUUU-UUUU-UUUU-UUUU", "<script>", "'; drop table certificates; --"]) {
      expect(normaliseSerial(bad), bad).toBeNull();
    }
  });
});
