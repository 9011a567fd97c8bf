import { describe, expect, it } from "vitest";
import { addDays, addMonths, parseDayText, weekDays, weekStart } from "./days";

describe("calendar days for the ledger", () => {
  it("finds the Monday of a week and its seven days", () => {
    expect(weekStart("2027-03-03")).toBe("2027-03-01"); // a Wednesday
    expect(weekStart("2027-03-01")).toBe("2027-03-01");
    expect(weekStart("2027-03-07")).toBe("2027-03-01"); // Sunday belongs to the week before it
    expect(weekDays("2027-03-01")).toEqual(["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-06", "2027-03-07"]);
  });

  it("adds days and months across month ends and leap years", () => {
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonths("2027-01-15", -12)).toBe("2026-01-15");
  });

  it("reads the dates spreadsheets write, day first, and refuses impossible ones", () => {
    expect(parseDayText("2027-03-01")).toBe("2027-03-01");
    expect(parseDayText("1/3/2027")).toBe("2027-03-01");
    expect(parseDayText("01/03/27")).toBe("2027-03-01");
    expect(parseDayText("1.3.2027")).toBe("2027-03-01");
    expect(parseDayText("1 Mar 2027")).toBe("2027-03-01");
    expect(parseDayText("31/2/2027")).toBeNull();
    expect(parseDayText("2027-02-30")).toBeNull();
    expect(parseDayText("March")).toBeNull();
  });
});
