import { describe, expect, it } from "vitest";
import { assignInput, drillFields, feedbackInput, logHoursInput, retentionInput, saveDrillInput, typedResponseInput } from "./schemas";

const drill = {
  title: "The late arrival",
  ruptureType: "confrontation",
  markers: ["c_about_parameters"],
  difficulty: "1",
  context: "Session three. The client arrives fifteen minutes late and sits down heavily.",
  clientLines: "Your receptionist made me wait again.\n\n  I'm paying for a full hour.  ",
  lens: "",
  suggestedStrategies: ["r_invite_feelings"],
  modelResponse: "You've been kept waiting, and that matters when you're paying for this time. Tell me more.",
  pitfalls: "",
};

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("a drill an organisation writes", () => {
  it("turns the text areas into lines, dropping blank ones, and coerces the level", () => {
    const r = drillFields.parse(drill);
    expect(r.clientLines).toEqual(["Your receptionist made me wait again.", "I'm paying for a full hour."]);
    expect(r.pitfalls).toEqual([]);
    expect(r.difficulty).toBe(1);
  });

  it("reads the same when parsed twice (the browser parses, then the action parses again)", () => {
    const once = drillFields.parse(drill);
    expect(drillFields.parse(once)).toEqual(once);
    const assigned = assignInput.parse({ drillKey: "w-minimal-1", target: "trainee", traineeMembershipId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", dueOn: "" });
    expect(assignInput.parse(assigned)).toEqual(assigned);
  });

  it("puts a message next to every missing or wrong field", () => {
    const r = drillFields.safeParse({ title: "", ruptureType: "", markers: undefined, difficulty: "", context: "short", clientLines: "", suggestedStrategies: [], modelResponse: "" });
    const errors = errorsOf(r);
    expect(Object.keys(errors).sort()).toEqual(["clientLines", "context", "difficulty", "markers", "modelResponse", "ruptureType", "suggestedStrategies", "title"]);
    expect(errors.markers).toBe("Tick at least one marker the client shows.");
  });

  it("refuses markers that don't belong to the rupture type, and allows both groups for a mixed one", () => {
    const wrong = drillFields.safeParse({ ...drill, markers: ["c_about_parameters", "w_minimal"] });
    expect(errorsOf(wrong).markers).toMatch(/^Untick the markers that don't belong to a confrontation rupture/);
    expect(drillFields.safeParse({ ...drill, ruptureType: "mixed", markers: ["c_about_parameters", "w_minimal"] }).success).toBe(true);
  });

  it("accepts one ticked checkbox sent alone, and needs the drill and version to save an edit", () => {
    expect(drillFields.parse({ ...drill, markers: "c_about_parameters" }).markers).toEqual(["c_about_parameters"]);
    expect(errorsOf(saveDrillInput.safeParse(drill))).toHaveProperty("drillId");
    expect(saveDrillInput.safeParse({ ...drill, drillId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", version: "3" }).success).toBe(true);
  });
});

describe("responses, feedback and the rest", () => {
  it("wants a typed response of a sentence or more, for a drill named by slug or id", () => {
    expect(typedResponseInput.safeParse({ drillKey: "w-minimal-1", response: "I notice you went quiet when I mentioned your mother." }).success).toBe(true);
    expect(errorsOf(typedResponseInput.safeParse({ drillKey: "w-minimal-1", response: "ok" })).response).toMatch(/a sentence or more/);
    expect(typedResponseInput.safeParse({ drillKey: "../etc/passwd", response: "A response long enough." }).success).toBe(false);
  });

  it("rates each scale from 1 to 5 and only with the taxonomy's strategy codes", () => {
    const ok = feedbackInput.parse({ attemptId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", strategies: "r_listening", attunement: "4", nonDefensiveness: "5", invitation: "3" });
    expect(ok).toMatchObject({ strategies: ["r_listening"], attunement: 4, comment: "" });
    const bad = errorsOf(feedbackInput.safeParse({ attemptId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", strategies: ["r_made_up"], attunement: "6", nonDefensiveness: "", invitation: "0" }));
    expect(Object.keys(bad).sort()).toEqual(["attunement", "invitation", "nonDefensiveness", "strategies.0"]);
  });

  it("assigns to a trainee or a cohort, naming the one chosen", () => {
    expect(errorsOf(assignInput.safeParse({ drillKey: "w-minimal-1", target: "cohort", cohortId: "" }))).toEqual({ cohortId: "Choose a cohort." });
    expect(assignInput.parse({ drillKey: "w-minimal-1", target: "trainee", traineeMembershipId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", dueOn: "" }).dueOn).toBeNull();
    expect(errorsOf(assignInput.safeParse({ drillKey: "w-minimal-1", target: "trainee", traineeMembershipId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", dueOn: "2027-02-30" }))).toHaveProperty("dueOn");
  });

  it("keeps logged practice time and retention within bounds", () => {
    expect(logHoursInput.safeParse({ attemptId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", traineePlacementId: "7f0a3c1e-2b4d-4c6e-8f9a-0b1c2d3e4f50", minutes: "0" }).success).toBe(false);
    expect(retentionInput.parse({ recordingRetentionDays: "30", version: "0" })).toEqual({ recordingRetentionDays: 30, version: 0 });
    expect(retentionInput.safeParse({ recordingRetentionDays: "0", version: "0" }).success).toBe(false);
  });
});
