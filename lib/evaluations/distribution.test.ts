import { describe, expect, it } from "vitest";
import { distribution, history, median } from "./distribution";
import { STARTER_FORM } from "./starter-form";

const r = (rating: string) => ({ rating });

describe("a round's distribution", () => {
  it("counts each point per competency, supervisor and self apart, with not-observed on its own", () => {
    const rows = distribution(STARTER_FORM, [
      { self: { alliance__engagement: r("3") }, supervisor: { alliance__engagement: r("4") } },
      { self: { alliance__engagement: r("not_observed") }, supervisor: { alliance__engagement: r("4") } },
      { self: {}, supervisor: { alliance__engagement: r("2") } },
    ]);
    expect(rows[0].supervisor).toEqual({ byValue: { "1": 0, "2": 1, "3": 0, "4": 2, "5": 0 }, notObserved: 0, rated: 3 });
    expect(rows[0].self).toEqual({ byValue: { "1": 0, "2": 0, "3": 1, "4": 0, "5": 0 }, notObserved: 1, rated: 1 });
    expect(median(STARTER_FORM, rows[0].supervisor)).toBe(4);
    expect(median(STARTER_FORM, rows[1].supervisor)).toBeNull();
  });
});

describe("a trainee's history", () => {
  it("follows competencies by code across form versions, newest form's order first", () => {
    const v2 = structuredClone(STARTER_FORM);
    v2.domains[0].competencies = [{ code: "alliance__new", title: "A new competency", description: "" }, ...v2.domains[0].competencies.slice(0, 1)];
    const rows = history([
      { key: "mid", definition: STARTER_FORM, self: { alliance__goals_tasks: r("2") }, supervisor: { alliance__goals_tasks: r("3") } },
      { key: "end", definition: v2, self: { alliance__new: r("4") }, supervisor: {} },
    ]);
    expect(rows[0].code).toBe("alliance__new");
    expect(rows[0].cells).toEqual([null, { self: "4", supervisor: null }]);
    const goals = rows.find((x) => x.code === "alliance__goals_tasks")!;
    expect(goals.cells).toEqual([{ self: "2", supervisor: "3" }, null]);
  });
});
