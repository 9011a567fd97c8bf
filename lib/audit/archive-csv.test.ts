import { describe, expect, it } from "vitest";
import { ARCHIVE_COLUMNS, ARCHIVE_HEADER, archiveLine, parseArchive, type ArchiveRow } from "./archive-csv";

const row = (over: Partial<ArchiveRow> = {}): ArchiveRow => ({
  id: "42",
  organisation_id: "0b7c6d0e-1111-4222-8333-444455556666",
  actor_user_id: null,
  action: "case.viewed",
  target_type: "case",
  target_id: "",
  outcome: "success",
  detail: '{"via": "page", "note": "a, \\"quoted\\" word"}',
  occurred_at: "2019-03-01T00:00:00.000123Z",
  ...over,
});

describe("the archive's CSV", () => {
  it("reads back exactly what was written: NULL and empty apart, quotes, commas and line breaks intact", () => {
    const rows = [row(), row({ id: "43", target_id: "line one\r\nline two", action: "=HYPERLINK()", detail: null })];
    const parsed = [...parseArchive(ARCHIVE_HEADER + rows.map(archiveLine).join(""))];
    expect(parsed[0]).toEqual([...ARCHIVE_COLUMNS]);
    expect(parsed.slice(1)).toEqual(rows.map((r) => ARCHIVE_COLUMNS.map((c) => r[c])));
    expect(parsed[1][2]).toBeNull();
    expect(parsed[1][5]).toBe("");
    expect(parsed[2][3]).toBe("=HYPERLINK()"); // no spreadsheet escaping: an archive keeps the value
  });

  it("refuses damaged text rather than counting it", () => {
    const good = ARCHIVE_HEADER + archiveLine(row());
    expect(() => [...parseArchive(good.replace('"{', '{'))]).toThrow();
    expect(() => [...parseArchive(good.slice(0, -20))]).toThrow();
    expect(() => [...parseArchive(good.replace(",success,", ",success,extra,"))]).toThrow(/cells/);
  });
});
