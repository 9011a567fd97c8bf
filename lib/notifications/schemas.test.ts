import { describe, expect, it } from "vitest";
import { notificationPreferencesInput, SAFETY_LOCKED_MESSAGE } from "./schemas";

describe("the notification preferences input", () => {
  it("accepts any subset of kinds, each with a known channel", () => {
    expect(notificationPreferencesInput.parse({})).toEqual({});
    expect(notificationPreferencesInput.parse({ case_submitted: "digest", case_comment: "in_app" })).toEqual({ case_submitted: "digest", case_comment: "in_app" });
    expect(notificationPreferencesInput.parse({ case_risk: "email" })).toEqual({ case_risk: "email" });
  });

  it("refuses an unknown channel or kind, and any change to a safety kind, with a message by the field", () => {
    const bad = notificationPreferencesInput.safeParse({ case_submitted: "sms" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["case_submitted"]);
    expect(notificationPreferencesInput.safeParse({ caseId: "x" }).success).toBe(false);
    const locked = notificationPreferencesInput.safeParse({ case_risk: "in_app" });
    expect(locked.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["case_risk", SAFETY_LOCKED_MESSAGE]]);
  });
});
