import { describe, expect, it } from "vitest";
import { keyPage } from "@/lib/util/pagination";

describe("keyPage", () => {
  it("cuts the look-ahead row and gives the last row's cursor when more rows exist", () => {
    expect(keyPage([1, 2, 3], 2, (x) => `after ${x}`)).toEqual({ rows: [1, 2], next: "after 2" });
  });
  it("gives no cursor on the last page, or an empty one", () => {
    expect(keyPage([1, 2], 2, (x) => x)).toEqual({ rows: [1, 2], next: null });
    expect(keyPage([], 2, (x) => x)).toEqual({ rows: [], next: null });
  });
});
