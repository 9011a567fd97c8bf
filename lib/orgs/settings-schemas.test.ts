import { describe, expect, it } from "vitest";
import { cpdHoursInput, hoursText, orgSettingsInput } from "./settings-schemas";

const base = { name: "Harbourside Counselling", timeZone: "Australia/Sydney", signatoryName: "Dr Alex Chen", signatoryTitle: "Director of Training", version: 0 };

describe("organisation settings input", () => {
  it("accepts a name, an IANA time zone and a signatory", () => {
    expect(orgSettingsInput.parse(base)).toMatchObject({ ...base });
    expect(orgSettingsInput.parse({ ...base, signatoryName: "", signatoryTitle: "" })).toMatchObject({ signatoryName: "", signatoryTitle: "" });
  });

  it("refuses an unknown time zone, a web address in the signatory and a title without a name, each at its field", () => {
    const issues = (v: unknown) => orgSettingsInput.safeParse(v).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(issues({ ...base, timeZone: "Sydney" })).toEqual(["timeZone"]);
    expect(issues({ ...base, signatoryName: "see www.evil.example" })).toEqual(["signatoryName"]);
    expect(issues({ ...base, signatoryName: "", signatoryTitle: "Director" })).toEqual(["signatoryName"]);
    expect(issues({ ...base, name: "" })).toEqual(["name"]);
  });
});

describe("CPD hours per module", () => {
  const id = "00000000-0000-4000-8000-000000000001";
  const parse = (hours: string) => cpdHoursInput.safeParse({ modules: [{ moduleId: id, hours }] });

  it("stores hours as whole minutes; empty means none", () => {
    expect(parse("1.5").data?.modules[0].hours).toBe(90);
    expect(parse("1.25").data?.modules[0].hours).toBe(75);
    expect(parse(" 2 ").data?.modules[0].hours).toBe(120);
    expect(parse("").data?.modules[0].hours).toBeNull();
  });

  it("refuses zero, negative, too many hours, three decimals and words", () => {
    for (const bad of ["0", "-1", "101", "1.125", "one", "1,5"]) expect(parse(bad).success, bad).toBe(false);
  });

  it("prints minutes back as hours", () => {
    expect(hoursText(90)).toBe("1.5");
    expect(hoursText(75)).toBe("1.25");
    expect(hoursText(60)).toBe("1");
    expect(hoursText(null)).toBe("");
  });
});
