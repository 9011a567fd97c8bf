import { describe, expect, it } from "vitest";
import { formatCell, formatDuration, hoursText, parseDuration } from "./duration";

describe("reading a duration as people write it", () => {
  it.each([
    ["1:30", 90],
    ["0:45", 45],
    ["12:00", 720],
    ["1.5", 90],
    ["1,5", 90],
    ["1.25", 75],
    ["2", 120],
    ["2h", 120],
    ["90m", 90],
    ["90 min", 90],
    ["1h 30m", 90],
    ["1 h 30", 90],
    [" 0:05 ", 5],
  ])("%s is %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["", "abc", "1:75", "1.333", "-1", "1:3", "1h 75m", "one hour"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("showing a duration", () => {
  it("writes hours and minutes in words, a grid cell as h:mm, and decimal hours for totals", () => {
    expect(formatDuration(90)).toBe("1 h 30 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(0)).toBe("0 min");
    expect(formatCell(90)).toBe("1:30");
    expect(formatCell(0)).toBe("");
    expect(hoursText(90)).toBe("1.5");
    expect(hoursText(100)).toBe("1.67");
    expect(hoursText(2400)).toBe("40");
  });
});
