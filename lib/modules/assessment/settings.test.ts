import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema/assessment";
import { ANSWER_REVEALS, DEFAULT_ASSESSMENT_SETTINGS, describeWait, keyVisible, MAX_ATTEMPT_LIMIT, MAX_WAIT_MINUTES, revealSentence, summariseSettings } from "./settings";

describe("assessment settings", () => {
  it("uses the same values as the database schema (kept apart so the browser never loads drizzle)", () => {
    expect(ANSWER_REVEALS).toEqual(schema.ANSWER_REVEALS);
    expect(MAX_ATTEMPT_LIMIT).toBe(schema.MAX_ATTEMPT_LIMIT);
    expect(MAX_WAIT_MINUTES).toBe(schema.MAX_WAIT_MINUTES);
  });

  it("defaults to showing the key only after a pass, shuffled, with no limit and no wait", () => {
    expect(DEFAULT_ASSESSMENT_SETTINGS).toEqual({ revealAnswers: "after_pass", shuffleQuestions: true, shuffleOptions: true, attemptLimit: null, waitMinutes: 0, requireReflection: false });
  });

  it("shows the key after a pass only when the rule allows it", () => {
    expect(keyVisible("after_pass", false)).toBe(false);
    expect(keyVisible("after_pass", true)).toBe(true);
    expect(keyVisible("never", true)).toBe(false);
    expect(keyVisible("never", false)).toBe(false);
    expect(keyVisible("after_each_attempt", false)).toBe(true);
  });

  it("tells the person what they will see", () => {
    expect(revealSentence("after_pass", false)).toMatch(/which questions you got wrong.*once you pass/);
    expect(revealSentence("never", false)).toMatch(/not shown/);
    expect(revealSentence("after_each_attempt", false)).toMatch(/correct answers and an explanation/);
  });

  it("describes a wait and a set of rules in words", () => {
    expect(describeWait(0)).toBe("no wait");
    expect(describeWait(45)).toBe("45 minutes");
    expect(describeWait(60)).toBe("1 hour");
    expect(describeWait(1440 + 180)).toBe("1 day and 3 hours");
    expect(describeWait(2 * 1440 + 61)).toBe("2 days, 1 hour and 1 minute");
    expect(summariseSettings({ ...DEFAULT_ASSESSMENT_SETTINGS, attemptLimit: 3, waitMinutes: 120, requireReflection: true })).toBe(
      "answers after a pass · 3 attempts · 2 hours between attempts · shuffled · reflection required",
    );
  });
});
