// Pure reading and checking of an hours spreadsheet (no database; unit-tested). Reuses the
// invitation import's CSV reader (lib/onboarding/csv.ts): same limits, same messages for a file
// that isn't UTF-8 CSV.
import { CSV_MAX_HEADER_FIELD, CSV_MAX_ROWS, decodeCsvBytes, parseCsv, type CsvFailure } from "@/lib/onboarding/csv";
import { CATEGORIES, categoryFromText, type CategoryCode } from "./categories";
import { parseDayText } from "./days";
import { MAX_ENTRY_MINUTES, parseDuration } from "./duration";

export const HOURS_COLUMNS = ["date", "duration", "category", "placement", "note"] as const;
type Column = (typeof HOURS_COLUMNS)[number];
const REQUIRED: Column[] = ["date", "duration", "category"];
const HEADER_ALIASES: Record<string, Column> = {
  day: "date",
  hours: "duration",
  time: "duration",
  activity: "category",
  type: "category",
  site: "placement",
  placement_site: "placement",
  notes: "note",
  description: "note",
  comment: "note",
};
export const NOTE_MAX = 200;

export type HoursRowInput = { line: number; date: string; duration: string; category: string; placement: string; note: string; shapeError?: string };

function headerKey(h: string): string {
  const k = h.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return HEADER_ALIASES[k] ?? k;
}

/** Reads an uploaded hours CSV (header required) into rows, or one message for the whole file. */
export function readHoursCsv(bytes: Uint8Array): { ok: true; rows: HoursRowInput[] } | CsvFailure {
  const decoded = decodeCsvBytes(bytes, "activity");
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text, { columns: HOURS_COLUMNS, what: "a list of activities, one per row" });
  if (!parsed.ok) return parsed;
  const [header, ...data] = parsed.records;
  const expected = `The first line must be a header naming the columns: ${HOURS_COLUMNS.join(", ")} (placement and note may be left out).`;
  if (!header) return { ok: false, error: `The file has no rows. ${expected}` };
  if (header.fields.some((f) => f.length > CSV_MAX_HEADER_FIELD)) return { ok: false, error: `A column name in the header is longer than ${CSV_MAX_HEADER_FIELD} characters. ${expected}` };
  const keys = header.fields.map(headerKey);
  if (keys.some((k) => /^\d/.test(k))) return { ok: false, error: `The header row is missing: the first line holds data. ${expected}` };
  const missing = REQUIRED.filter((c) => !keys.includes(c));
  if (missing.length) return { ok: false, error: `The header is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. ${expected}` };
  const seen = new Set<string>();
  const dup = keys.find((k) => k && (seen.has(k) || !seen.add(k)));
  if (dup) return { ok: false, error: `The header names the column ${dup} twice. Keep one and upload the file again.` };
  if (data.length === 0) return { ok: false, error: "The file has a header but no activities. Add one row per activity under the header." };
  if (data.length > CSV_MAX_ROWS) {
    return { ok: false, error: `The file has ${data.length.toLocaleString("en-AU")} rows; the limit is ${CSV_MAX_ROWS.toLocaleString("en-AU")}. Split it into smaller files and import each.` };
  }
  const index = new Map(HOURS_COLUMNS.map((c) => [c, keys.indexOf(c)]));
  return {
    ok: true,
    rows: data.map(({ line, fields }): HoursRowInput => {
      const get = (name: Column) => {
        const i = index.get(name) ?? -1;
        return i >= 0 ? (fields[i] ?? "").trim() : "";
      };
      const row: HoursRowInput = { line, date: get("date"), duration: get("duration"), category: get("category"), placement: get("placement"), note: get("note") };
      if (fields.length !== keys.length) {
        row.shapeError =
          fields.length < keys.length
            ? `This row has ${fields.length} column${fields.length === 1 ? "" : "s"}; the header has ${keys.length}. Add the missing values (leave a blank between commas for an empty one).`
            : `This row has ${fields.length} columns; the header has ${keys.length}. Put a value containing a comma inside double quotes.`;
      }
      return row;
    }),
  };
}

export type PlacementChoice = { traineePlacementId: string; name: string };

export type CheckedRow =
  | { line: number; status: "error"; problems: string[]; input: HoursRowInput }
  | { line: number; status: "ready"; day: string; minutes: number; category: CategoryCode; traineePlacementId: string; placementName: string; note: string; input: HoursRowInput };

const CATEGORY_HELP = `Use one of: ${CATEGORIES.map((c) => c.short).join("; ")} (or the codes in the template).`;

/** Checks each row against the trainee's placements and today's date. Pure. */
export function checkHoursRows(rows: HoursRowInput[], ctx: { placements: PlacementChoice[]; today: string }): CheckedRow[] {
  const byName = new Map(ctx.placements.map((p) => [p.name.trim().toLowerCase(), p]));
  const only = ctx.placements.length === 1 ? ctx.placements[0] : null;
  return rows.map((r): CheckedRow => {
    const problems: string[] = [];
    if (r.shapeError) problems.push(r.shapeError);
    const day = r.date ? parseDayText(r.date) : null;
    if (!r.date) problems.push("Add the date (e.g. 2027-03-01 or 1/3/2027).");
    else if (!day) problems.push(`“${r.date}” isn't a date we can read. Write it as 2027-03-01 or 1/3/2027 (day first).`);
    else if (day > ctx.today) problems.push(`${day} is in the future: log hours once they have happened.`);
    const minutes = r.duration ? parseDuration(r.duration) : null;
    if (!r.duration) problems.push("Add the duration (e.g. 1:30 or 1.5 for an hour and a half).");
    else if (minutes === null) problems.push(`“${r.duration}” isn't a duration we can read. Write hours and minutes as 1:30, or hours as 1.5.`);
    else if (minutes <= 0) problems.push("The duration must be more than zero.");
    else if (minutes > MAX_ENTRY_MINUTES) problems.push("The duration is more than 24 hours. Split it into one row per day.");
    const category = r.category ? categoryFromText(r.category) : null;
    if (!r.category) problems.push(`Add the category. ${CATEGORY_HELP}`);
    else if (!category) problems.push(`“${r.category}” isn't a category we know. ${CATEGORY_HELP}`);
    let placement: PlacementChoice | null = null;
    if (ctx.placements.length === 0) problems.push("You have no placement yet, so these hours have nowhere to go. Ask your organisation's admin to add your placement.");
    else if (!r.placement) {
      if (only) placement = only;
      else problems.push(`Add the placement: one of ${ctx.placements.map((p) => p.name).join(", ")}.`);
    } else {
      placement = byName.get(r.placement.trim().toLowerCase()) ?? null;
      if (!placement) problems.push(`You have no placement called “${r.placement}”. Yours: ${ctx.placements.map((p) => p.name).join(", ")}.`);
    }
    if (r.note.length > NOTE_MAX) problems.push(`The note is ${r.note.length} characters; the limit is ${NOTE_MAX}. Shorten it (and never include a client's name or details).`);
    if (problems.length || !day || minutes === null || !category || !placement) return { line: r.line, status: "error", problems, input: r };
    return { line: r.line, status: "ready", day, minutes, category, traineePlacementId: placement.traineePlacementId, placementName: placement.name, note: r.note, input: r };
  });
}

/** The blank template offered for download. */
export const HOURS_TEMPLATE = "\ufeffdate,duration,category,placement,note\r\n2027-03-01,1:00,direct_individual,,\r\n2027-03-01,0:30,indirect_notes,,Session notes\r\n";
