import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, isRoutineAction, ROUTINE_AUDIT_ACTIONS, ROUTINE_PATTERN } from "@/lib/core/audit-actions";

// The viewer's default page leaves out routine reads through a partial index whose predicate is
// `action not like '%.viewed'` (db/schema/core.ts): the vocabulary must agree with that pattern.
describe("routine audit actions", () => {
  it("are exactly the actions named *.viewed", () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect("routine" in AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS], action).toBe(action.endsWith(".viewed"));
      expect(isRoutineAction(action), action).toBe(action.endsWith(".viewed"));
    }
    expect(ROUTINE_AUDIT_ACTIONS).toContain("case.viewed");
    expect(ROUTINE_PATTERN).toBe("%.viewed");
  });

  it("include a name not yet in the vocabulary when it ends in .viewed (the index covers it already)", () => {
    expect(isRoutineAction("portfolio.viewed")).toBe(true);
    expect(isRoutineAction("case.viewed_twice")).toBe(false);
    expect(isRoutineAction("member.role_changed")).toBe(false);
  });
});
