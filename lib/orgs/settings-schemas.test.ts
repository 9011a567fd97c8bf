import { describe, expect, it } from "vitest";
import { auditRetentionInput, cpdHoursInput, hoursText, orgSettingsInput } from "./settings-schemas";

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

describe("audit retention input", () => {
  it("takes a whole number of years from 1 to 100", () => {
    expect(auditRetentionInput.parse({ years: "7" })).toEqual({ years: 7 });
    expect(auditRetentionInput.parse({ years: " 1 " })).toEqual({ years: 1 });
    expect(auditRetentionInput.parse({ years: "100" })).toEqual({ years: 100 });
  });

  it("refuses less than a year, fractions, words and more than 100, saying what to enter", () => {
    const message = (years: string) => auditRetentionInput.safeParse({ years }).error?.issues[0]?.message;
    expect(message("0")).toBe("Keep audit records for at least 1 year: accreditation requires them.");
    expect(message("0.5")).toBe("Enter a whole number of years, such as 7.");
    expect(message("seven")).toBe("Enter a whole number of years, such as 7.");
    expect(message("")).toBe("Enter a whole number of years, such as 7.");
    expect(message("101")).toBe("Enter at most 100 years.");
  });
});
