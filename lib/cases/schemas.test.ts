import { describe, expect, it } from "vitest";
import { validCase } from "@/tests/fixtures/cases";
import { CODE_LIST_VERSION, CODE_LIST_VERSIONS, labelOf, LEGACY_CODE_LIST_VERSION, MARKERS, markersFor, VERSION_RULES } from "./codes";
import { caseDraftContent, caseSubmitContent, dismissFlagInput, reviewDecisionInput } from "./schemas";
import { CLIENT_CODE_INITIALS_MESSAGE } from "./client-code";

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
  it("keep the first release beside the current one, with what changed in its shape", () => {
    expect(CODE_LIST_VERSION).toBe("2026.2");
    expect(CODE_LIST_VERSIONS[LEGACY_CODE_LIST_VERSION].condition).toHaveLength(6);
    expect(VERSION_RULES[LEGACY_CODE_LIST_VERSION]).toEqual({ conditions: "six_rated", sessionMonth: true });
    expect(VERSION_RULES[CODE_LIST_VERSION]).toEqual({ conditions: "notes_and_chosen", sessionMonth: false });
    expect(labelOf("condition", "c4_upr", LEGACY_CODE_LIST_VERSION)).toBe("The therapist experienced unconditional positive regard for the client");
  });
});

describe("case schemas", () => {
  it("accept a complete case for submission, with numbers given as form strings", () => {
    const r = caseSubmitContent.safeParse({ ...validCase(), sessionNumber: "6", periodYear: "2025", salience: "3" });
    expect(r.success).toBe(true);
    expect(r.data?.sessionNumber).toBe(6);
    expect(r.data?.periodYear).toBe(2025);
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

  it("refuse client codes that look like initials, saying what a good code looks like", () => {
    for (const bad of ["ST", "STK", "st", "R.K.", "R.K", "r.k.", "R K", "R-K", "J", "A.B.C."]) {
      expect(issues(caseDraftContent.safeParse({ clientCode: bad })).clientCode, bad).toBe(CLIENT_CODE_INITIALS_MESSAGE);
    }
    expect(CLIENT_CODE_INITIALS_MESSAGE).toMatch(/looks like initials.*made-up code.*e\.g\. C-0142/);
    // codes with digits are made up, whatever their letters: the seeds, fixtures and e2e use these
    for (const ok of ["C-0142", "RC-07", "RK-1", "OR-1", "CH-2", "OLD-1", "PAR-1", "A1", "Q-0", "FIND-ME", "STK-04"]) {
      expect(caseDraftContent.safeParse({ clientCode: ok }).success, ok).toBe(true);
    }
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
    expect(issues(caseDraftContent.safeParse({ periodYear: next })).periodYear).toMatch(/can't be in the future/);
    expect(caseDraftContent.safeParse({ periodYear: new Date().getFullYear() }).success).toBe(true);
    expect(issues(caseDraftContent.safeParse({ alliance: { client: { bond: 6 } } }))["alliance.client.bond"]).toMatch(/1 to 5/);
  });

  it("keep the year and never the month of the session", () => {
    const r = caseSubmitContent.safeParse({ ...validCase(), periodMonth: 3 });
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("periodMonth");
  });

  describe("the self-assessment", () => {
    const self = validCase().selfAssessment;
    const submit = (s: unknown) => caseSubmitContent.safeParse({ ...validCase(), selfAssessment: s });

    it("records c1 and c2 as notes, never as ratings", () => {
      const r = submit({ ...self, c1_contact: { note: "Present throughout.", rating: "clearly_evident" } });
      expect(r.success).toBe(true);
      expect(r.data?.selfAssessment.c1_contact).toEqual({ note: "Present throughout." });
      expect(issues(submit({ ...self, c2_client_incongruence: { note: " " } }))["selfAssessment.c2_client_incongruence.note"]).toMatch(/Describe briefly what you noticed/);
      expect(issues(submit({ ...self, c2_client_incongruence: { rating: "clearly_evident", evidence: "Anxious." } }))["selfAssessment.c2_client_incongruence.note"]).toBeTruthy();
    });

    it("needs one to three chosen conditions, with a message next to the choice", () => {
      expect(issues(submit({ ...self, chosen: [] }))["selfAssessment.chosen"]).toBe("Choose the one to three conditions most in play in this rupture.");
      const four = { ...self, chosen: ["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"], c4_upr: self.c3_congruence, c6_perceived: self.c3_congruence };
      expect(issues(submit(four))["selfAssessment.chosen"]).toBe("Choose at most 3: untick the ones least in play in this rupture.");
      expect(issues(submit({ ...self, chosen: ["c1_contact"] }))["selfAssessment.chosen.0"]).toBe("Choose conditions from the list.");
      expect(submit({ ...self, chosen: ["c5_empathy"] }).success).toBe(true);
      expect(submit({ ...self, chosen: ["c5_empathy", "c5_empathy"] }).data?.selfAssessment.chosen).toEqual(["c5_empathy"]);
    });

    it("needs a rating and evidence for each chosen condition only, and drops the others' text", () => {
      const e = issues(submit({ ...self, chosen: ["c3_congruence", "c4_upr"] }));
      expect(e["selfAssessment.c4_upr.rating"]).toBe("Choose a rating for this condition.");
      expect(e["selfAssessment.c4_upr.evidence"]).toMatch(/Note briefly/);
      const r = submit({ ...self, chosen: ["c5_empathy"], c6_perceived: { evidence: "Written, then unticked." } });
      expect(r.success).toBe(true);
      expect(Object.keys(r.data!.selfAssessment).sort()).toEqual(["c1_contact", "c2_client_incongruence", "c5_empathy", "chosen"]);
    });

    it("lets a draft hold four chosen for a moment, and a blank form", () => {
      const d = caseDraftContent.safeParse({ selfAssessment: { c1_contact: { note: "" }, chosen: ["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"], c4_upr: { rating: "", evidence: "Half" } } });
      expect(d.success).toBe(true);
      expect(d.data?.selfAssessment).toEqual({ c1_contact: {}, chosen: ["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"], c4_upr: { evidence: "Half" } });
    });
  });

  it("limit the narrative length", () => {
    expect(issues(caseDraftContent.safeParse({ whatHappened: "x".repeat(5001) })).whatHappened).toMatch(/at most 5000/);
  });
});

describe("review and dismissal schemas", () => {
  // The review form's own values: `rate` is on for each condition the supervisor rates.
  const ratings = {
    c1_contact: { note: "Present throughout." },
    c2_client_incongruence: { note: "" },
    c3_congruence: { rate: true, rating: "partly_evident", evidence: "ok", quote: "" },
    c4_upr: { rate: false, rating: "clearly_evident", evidence: "left from an earlier round", quote: "" },
    c5_empathy: { rate: "on", rating: "not_evident", evidence: " missed it ", quote: "the client went quiet" },
    c6_perceived: { rate: false, rating: "", evidence: "", quote: "" },
  };
  const id = "00000000-0000-4000-8000-000000000000";
  const parse = (v: Record<string, unknown>) => reviewDecisionInput.safeParse({ caseId: id, version: 1, decision: "signed_off", ratings, ...v });
  it("require what to change when requesting changes, not when signing off", () => {
    expect(issues(parse({ decision: "changes_requested" })).whatToChange).toMatch(/what the trainee/);
    expect(parse({}).success).toBe(true);
  });
  it("keep notes on c1/c2 and only the rated conditions, never a rating of c1 or c2", () => {
    const ok = parse({ ratings: { ...ratings, c2_client_incongruence: { rating: "not_evident", evidence: "x" } } });
    expect(ok.data?.ratings).toEqual({
      c1_contact: { note: "Present throughout." },
      c3_congruence: { rating: "partly_evident", evidence: "ok" },
      c5_empathy: { rating: "not_evident", evidence: "missed it", quote: "the client went quiet" },
    });
  });
  it("need a rating and evidence for each condition ticked, and at least one rated", () => {
    const e = issues(parse({ ratings: { ...ratings, c6_perceived: { rate: true, rating: "", evidence: "", quote: "" } } }));
    expect(e["ratings.c6_perceived.rating"]).toBe("Choose a rating for this condition.");
    expect(e["ratings.c6_perceived.evidence"]).toBe("Note the evidence for your rating.");
    const none = issues(parse({ ratings: { c1_contact: { note: "x" }, c3_congruence: { rate: false, rating: "partly_evident", evidence: "ok" } } }));
    expect(none.rated).toMatch(/Rate at least one of conditions 3 to 6/);
  });
  it("require a reason to dismiss a flag, and only on a scanned field", () => {
    expect(issues(dismissFlagInput.safeParse({ caseId: id, field: "whatHappened", key: "name:hope", reason: "" })).reason).toMatch(/Say why/);
    expect(issues(dismissFlagInput.safeParse({ caseId: id, field: "sessionNumber", key: "name:hope", reason: "a feeling" })).field).toBeTruthy();
    // the client code is checked for names too, so a false flag there can be dismissed like any other
    expect(dismissFlagInput.safeParse({ caseId: id, field: "clientCode", key: "name:max", reason: "a word, not the client's name" }).success).toBe(true);
    expect(dismissFlagInput.safeParse({ caseId: id, field: "selfAssessment.c5_empathy.evidence", key: "name:hope", reason: "a feeling" }).success).toBe(true);
    expect(dismissFlagInput.safeParse({ caseId: id, field: "selfAssessment.c1_contact.note", key: "name:hope", reason: "a feeling" }).success).toBe(true);
    expect(dismissFlagInput.safeParse({ caseId: id, field: "selfAssessment.c5_empathy.note", key: "name:hope", reason: "a feeling" }).success).toBe(false);
  });
});
