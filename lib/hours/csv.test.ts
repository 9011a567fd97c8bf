import { describe, expect, it } from "vitest";
import { checkHoursRows, readHoursCsv } from "./csv";

const bytes = (s: string) => new TextEncoder().encode(s);
const ctx = { placements: [{ traineePlacementId: "tp-1", name: "Northside Clinic" }, { traineePlacementId: "tp-2", name: "Riverbend School" }], today: "2027-03-10" };

describe("reading an hours spreadsheet", () => {
  it("reads the columns by their header, in any order, with friendly names", () => {
    const r = readHoursCsv(bytes("Hours,Date,Type,Site,Notes\r\n1:30,1/3/2027,Individual,northside clinic,Intake\r\n"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([{ line: 2, date: "1/3/2027", duration: "1:30", category: "Individual", placement: "northside clinic", note: "Intake" }]);
  });

  it("explains a missing header, missing columns and a file that isn't text", () => {
    expect(readHoursCsv(bytes("2027-03-01,1:00,direct_individual\n"))).toMatchObject({ ok: false, error: expect.stringMatching(/header row is missing/) });
    expect(readHoursCsv(bytes("date,note\n2027-03-01,x\n"))).toMatchObject({ ok: false, error: expect.stringMatching(/missing the columns duration, category/) });
    expect(readHoursCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({ ok: false, error: expect.stringMatching(/doesn't look like a CSV/) });
    expect(readHoursCsv(bytes(""))).toMatchObject({ ok: false, error: expect.stringMatching(/one row per activity/) });
  });
});

describe("checking each row", () => {
  it("accepts good rows and says exactly what to fix in bad ones", () => {
    const r = readHoursCsv(
      bytes(
        [
          "date,duration,category,placement,note",
          "2027-03-01,1:30,direct_individual,Northside Clinic,",
          "3/3/2027,0.5,Case notes,Riverbend School,",
          "2027-03-31,1:00,direct_individual,Northside Clinic,",
          "yesterday,1:00,direct_individual,Northside Clinic,",
          "2027-03-02,ten,direct_individual,Northside Clinic,",
          "2027-03-02,1:00,lunch,Northside Clinic,",
          "2027-03-02,1:00,direct_group,Elsewhere,",
          "2027-03-02,25:00,direct_group,Northside Clinic,",
          "2027-03-02,1:00,direct_group,,",
        ].join("\n"),
      ),
    );
    if (!r.ok) throw new Error(r.error);
    const checked = checkHoursRows(r.rows, ctx);
    expect(checked.map((c) => c.status)).toEqual(["ready", "ready", "error", "error", "error", "error", "error", "error", "error"]);
    expect(checked[1]).toMatchObject({ day: "2027-03-03", minutes: 30, category: "indirect_notes", traineePlacementId: "tp-2" });
    const problems = checked.map((c) => (c.status === "error" ? c.problems.join(" ") : ""));
    expect(problems[2]).toMatch(/in the future/);
    expect(problems[3]).toMatch(/isn't a date we can read/);
    expect(problems[4]).toMatch(/isn't a duration we can read/);
    expect(problems[5]).toMatch(/isn't a category we know/);
    expect(problems[6]).toMatch(/no placement called “Elsewhere”/);
    expect(problems[7]).toMatch(/more than 24 hours/);
    expect(problems[8]).toMatch(/Add the placement/);
  });

  it("lets the placement be left out when the trainee has only one", () => {
    const checked = checkHoursRows([{ line: 2, date: "2027-03-01", duration: "1", category: "group", placement: "", note: "" }], { ...ctx, placements: [ctx.placements[0]] });
    expect(checked[0]).toMatchObject({ status: "ready", traineePlacementId: "tp-1", category: "direct_group", minutes: 60 });
  });
});
