import { describe, expect, it } from "vitest";
import { CONFIGURABLE_KINDS, groupsFor, KIND_GROUPS, KIND_LABELS, KIND_SUBJECTS, NOTIFICATION_KINDS, SAFETY_KINDS } from "./kinds";
import { notificationEmail, plainLine } from "./emails";

describe("the notification vocabulary", () => {
  it("puts every kind in exactly one section of the preference form, with a label and a subject", () => {
    const grouped = KIND_GROUPS.flatMap((g) => g.kinds);
    expect([...grouped].sort()).toEqual([...NOTIFICATION_KINDS].sort());
    for (const k of NOTIFICATION_KINDS) {
      expect(KIND_LABELS[k]).toBeTruthy();
      expect(KIND_SUBJECTS[k]).toMatch(/ (on|to) Rapport$/);
    }
  });

  it("shows each role its sections and everyone the safety section", () => {
    expect(groupsFor("trainee").map((g) => g.id)).toEqual(["cases", "hours", "training", "evaluations", "practice", "safety"]);
    expect(groupsFor("supervisor").map((g) => g.id)).toEqual(["reviewing", "hours_approving", "cases", "training", "evaluations", "calibration", "practice", "safety"]);
    expect(groupsFor("org_admin").map((g) => g.id)).toEqual(["training", "organisation", "safety"]);
  });

  it("never lets a safety kind be configured", () => {
    for (const k of SAFETY_KINDS) expect(CONFIGURABLE_KINDS).not.toContain(k);
  });
});

describe("notification emails", () => {
  it("carry one sentence and a link to this site, with no links or control characters from the caller", () => {
    const mail = notificationEmail({ kind: "case_comment", title: "Sam\u0000 commented: see https://evil.example/x", href: "/cases/1", baseUrl: "https://rapport.example.org" });
    expect(mail.subject).toBe("There is a new comment on a case on Rapport");
    expect(mail.text.split("\n")[0]).toBe("Sam commented: see [link removed]");
    expect(mail.text).toContain("Open it on Rapport: https://rapport.example.org/cases/1");
    expect(plainLine("x".repeat(400))).toHaveLength(300);
  });
});
