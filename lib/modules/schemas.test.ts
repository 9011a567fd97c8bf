import { describe, expect, it } from "vitest";
import { DEFAULT_ASSESSMENT_SETTINGS } from "./assessment/settings";
import { assessmentOverrideInput, assessmentSettingsInput, inputFromSettings, settingsFromInput } from "./schemas";

const valid = inputFromSettings(DEFAULT_ASSESSMENT_SETTINGS, 0);
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("assessment settings input", () => {
  it("round-trips stored settings through the form's values", () => {
    for (const s of [DEFAULT_ASSESSMENT_SETTINGS, { ...DEFAULT_ASSESSMENT_SETTINGS, attemptLimit: 3, waitMinutes: 2880, revealAnswers: "never" as const }, { ...DEFAULT_ASSESSMENT_SETTINGS, waitMinutes: 90 }]) {
      const parsed = assessmentSettingsInput.parse(inputFromSettings(s, 4));
      expect(settingsFromInput(parsed)).toEqual(s);
    }
    expect(inputFromSettings({ ...DEFAULT_ASSESSMENT_SETTINGS, waitMinutes: 180 }, 0)).toMatchObject({ waitAmount: "3", waitUnit: "hours" });
  });

  it("puts a message on the field a person got wrong", () => {
    expect(errorsOf(assessmentSettingsInput.safeParse({ ...valid, attemptLimit: "0" }))).toEqual({ attemptLimit: expect.stringMatching(/from 1 to 50/) });
    expect(errorsOf(assessmentSettingsInput.safeParse({ ...valid, attemptLimit: "three" }))).toEqual({ attemptLimit: expect.stringMatching(/from 1 to 50/) });
    expect(errorsOf(assessmentSettingsInput.safeParse({ ...valid, waitAmount: "-5" }))).toEqual({ waitAmount: expect.stringMatching(/whole number/) });
    expect(errorsOf(assessmentSettingsInput.safeParse({ ...valid, waitAmount: "31", waitUnit: "days" }))).toEqual({ waitAmount: "A wait can be at most 30 days." });
    expect(errorsOf(assessmentSettingsInput.safeParse({ ...valid, revealAnswers: "sometimes" }))).toEqual({ revealAnswers: "Choose when the correct answers are shown." });
    expect(errorsOf(assessmentOverrideInput.safeParse({ ...valid, moduleId: "not-a-module" }))).toEqual({ moduleId: "Choose a module from the list." });
  });

  it("accepts an empty limit as no limit and an empty wait as no wait", () => {
    const parsed = assessmentSettingsInput.parse({ ...valid, attemptLimit: " ", waitAmount: "" });
    expect(settingsFromInput(parsed)).toMatchObject({ attemptLimit: null, waitMinutes: 0 });
  });
});
