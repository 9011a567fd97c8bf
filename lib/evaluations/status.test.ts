import { describe, expect, it } from "vitest";
import { mayRead, stageOf, statusLine, type EvaluationState } from "./status";

const at = new Date("2027-03-01T00:00:00Z");
const base: EvaluationState = { selfSubmittedAt: null, supervisorSubmittedAt: null, traineeSignedAt: null, supervisorSignedAt: null, lockedAt: null, evaluatorMembershipId: "sup" };

describe("where an evaluation stands", () => {
  it("moves from in progress to ready to sign, partly signed, then locked", () => {
    expect(stageOf(base)).toBe("in_progress");
    expect(stageOf({ ...base, selfSubmittedAt: at })).toBe("in_progress");
    const both = { ...base, selfSubmittedAt: at, supervisorSubmittedAt: at };
    expect(stageOf(both)).toBe("ready_to_sign");
    expect(stageOf({ ...both, traineeSignedAt: at })).toBe("partly_signed");
    expect(stageOf({ ...both, traineeSignedAt: at, supervisorSignedAt: at, lockedAt: at })).toBe("locked");
  });

  it("lets only a side's author read it until both are submitted", () => {
    const oneIn = { ...base, selfSubmittedAt: at };
    expect(mayRead("self", "self", oneIn)).toBe(true);
    expect(mayRead("self", "supervisor", oneIn)).toBe(false);
    expect(mayRead("self", null, oneIn)).toBe(false);
    expect(mayRead("supervisor", "self", { ...oneIn, supervisorSubmittedAt: at })).toBe(true);
  });

  it("tells each person what to do next", () => {
    expect(statusLine(base, "self")).toBe("Your self-evaluation is due");
    expect(statusLine({ ...base, selfSubmittedAt: at }, "self")).toBe("Waiting for your supervisor's evaluation");
    expect(statusLine({ ...base, selfSubmittedAt: at }, "supervisor")).toBe("Your evaluation is due");
    expect(statusLine({ ...base, evaluatorMembershipId: null }, null)).toBe("No supervisor assigned");
    const both = { ...base, selfSubmittedAt: at, supervisorSubmittedAt: at };
    expect(statusLine(both, "supervisor")).toBe("Read both sides and sign");
    expect(statusLine({ ...both, supervisorSignedAt: at }, "supervisor")).toBe("Waiting for the other signature");
    expect(statusLine({ ...both, supervisorSignedAt: at, traineeSignedAt: at, lockedAt: at }, "self")).toBe("Signed by both and locked");
  });
});
