import { describe, expect, it } from "vitest";
import { validCase } from "@/tests/fixtures/cases";
import { CODE_LIST_VERSION, CODE_LIST_VERSIONS, labelOf, MARKERS, markersFor } from "./codes";
import { caseDraftContent, caseSubmitContent, dismissFlagInput, reviewDecisionInput } from "./schemas";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("code lists", () => {
  it("limit markers to the rupture type, with mixed allowing both groups", () => {
    expect(markersFor("withdrawal").every((m) => m.type === "withdrawal")).toBe(true);
    expect(markersFor("confrontation").every((m) => m.type === "confrontation")).toBe(true);
    expect(markersFor("mixed")).toHaveLength(MARKERS.length);
    expect(markersFor(null)).toEqual([]);
  });
  it("are versioned, and an unknown code shows as itself", () => {
    expect(CODE_LIST_VERSIONS[CODE_LIST_VERSION].marker).toHaveLength(14);
    expect(labelOf("outcome", "partly_resolved")).toBe("Partly resolved");
    expect(labelOf("outcome", "retired_code")).toBe("retired_code");
  });
});

describe("case schemas", () => {
  it("accept a complete case for submission, with numbers given as form strings", () => {
    const r = caseSubmitContent.safeParse({ ...validCase(), sessionNumber: "6", periodMonth: "3", salience: "3" });
    expect(r.success).toBe(true);
    expect(r.data?.sessionNumber).toBe(6);
  });

  it("accept an empty draft, treating blank controls as unanswered", () => {
    const r = caseDraftContent.safeParse({ clientCode: "", sessionNumber: "", markers: [], whatHappened: "  ", alliance: { therapist: { goals: "" } } });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ markers: [], alliance: { therapist: {} } });
  });

  it("refuse an incomplete submission with a message per field", () => {
    const r = caseSubmitContent.safeParse({ clientCode: "RC-1" });
    const e = issues(r);
    expect(e.whatHappened).toBe("Describe what happened in the session.");
    expect(e.ruptureType).toBe("Choose the type of rupture.");
    expect(e.sessionNumber).toMatch(/from 1 to 500/);
    expect(e.markers).toBe("Tick at least one marker you observed.");
  });

  it("refuse client codes that aren't short made-up codes", () => {
    for (const bad of ["Jane Smith", "ABCDEFGHIJKLM", "a.b"]) {
      expect(issues(caseDraftContent.safeParse({ clientCode: bad })).clientCode, bad).toMatch(/made-up code/);
    }
    expect(caseDraftContent.safeParse({ clientCode: "RC-07" }).success).toBe(true);
  });

  it("refuse markers of the other rupture type, in drafts too", () => {
    const r = caseDraftContent.safeParse({ ruptureType: "withdrawal", markers: ["w_minimal", "c_about_progress"] });
    expect(issues(r).markers).toMatch(/Untick the markers.*Complaint about progress/);
    expect(caseDraftContent.safeParse({ ruptureType: "mixed", markers: ["w_minimal", "c_about_progress"] }).success).toBe(true);
  });

  it("refuse out-of-range numbers and a session in the future", () => {
    expect(issues(caseDraftContent.safeParse({ sessionNumber: 501 })).sessionNumber).toMatch(/1 to 500/);
    expect(issues(caseDraftContent.safeParse({ salience: 0 })).salience).toMatch(/1 \(barely/);
    const next = new Date().getFullYear() + 1;
    expect(issues(caseDraftContent.safeParse({ periodMonth: 1, periodYear: next })).periodYear).toMatch(/can't be in the future/);
    expect(issues(caseDraftContent.safeParse({ alliance: { client: { bond: 6 } } }))["alliance.client.bond"]).toMatch(/1 to 5/);
  });

  it("require a rating and evidence for every condition of the self-assessment", () => {
    const c = validCase();
    const r = caseSubmitContent.safeParse({ ...c, selfAssessment: { ...c.selfAssessment, c4_upr: { rating: "", evidence: "" } } });
    const e = issues(r);
    expect(e["selfAssessment.c4_upr.rating"]).toBe("Choose a rating for this condition.");
    expect(e["selfAssessment.c4_upr.evidence"]).toMatch(/Note briefly/);
  });

  it("limit the narrative length", () => {
    expect(issues(caseDraftContent.safeParse({ whatHappened: "x".repeat(5001) })).whatHappened).toMatch(/at most 5000/);
  });
});

describe("review and dismissal schemas", () => {
  const ratings = Object.fromEntries(
    ["c1_contact", "c2_client_incongruence", "c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"].map((c) => [c, { rating: "partly_evident", evidence: "ok", quote: "" }]),
  );
  const id = "00000000-0000-4000-8000-000000000000";
  it("require what to change when requesting changes, not when signing off", () => {
    expect(issues(reviewDecisionInput.safeParse({ caseId: id, version: 1, decision: "changes_requested", ratings })).whatToChange).toMatch(/what the trainee/);
    const ok = reviewDecisionInput.safeParse({ caseId: id, version: 1, decision: "signed_off", ratings });
    expect(ok.success).toBe(true);
    expect(ok.data?.ratings.c1_contact.quote).toBeUndefined();
  });
  it("require all six ratings", () => {
    const { c6_perceived: _, ...five } = ratings;
    expect(issues(reviewDecisionInput.safeParse({ caseId: id, version: 1, decision: "signed_off", ratings: five }))["ratings.c6_perceived"]).toBeTruthy();
  });
  it("require a reason to dismiss a flag, and only on a scanned field", () => {
    expect(issues(dismissFlagInput.safeParse({ caseId: id, field: "whatHappened", key: "name:hope", reason: "" })).reason).toMatch(/Say why/);
    expect(issues(dismissFlagInput.safeParse({ caseId: id, field: "clientCode", key: "name:hope", reason: "a feeling" })).field).toBeTruthy();
    expect(dismissFlagInput.safeParse({ caseId: id, field: "selfAssessment.c5_empathy.evidence", key: "name:hope", reason: "a feeling" }).success).toBe(true);
  });
});
