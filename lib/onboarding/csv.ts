// Pure CSV reading for invitation imports (no database; used by the server and unit-tested).
// RFC 4180: comma separated, fields optionally in double quotes, "" for a quote inside a quoted
// field, quoted fields may hold commas and line breaks; CRLF, LF or CR line endings.

export const CSV_MAX_ROWS = 5000;
export const CSV_MAX_BYTES = 1_500_000;
/** Limits checked while reading, so a hostile file stops early and every step stays linear. */
export const CSV_MAX_COLUMNS = 50;
export const CSV_MAX_FIELD = 1000;
export const CSV_MAX_HEADER_FIELD = 100;

export type CsvFailure = { ok: false; error: string };
export type CsvRecord = { line: number; fields: string[] };

/** The message for a file over CSV_MAX_BYTES, in the browser (before sending) and on the server. */
export function tooLargeMessage(bytes: number): string {
  return `The file is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is ${CSV_MAX_BYTES / 1_000_000} MB. Split it into smaller files and import each.`;
}

/** What is wrong with a chosen CSV file before it is sent, if anything (checked again on the server). */
export function csvFileProblem(file: { size: number } | undefined): string | undefined {
  if (!file) return "Choose a CSV file to upload.";
  if (file.size > CSV_MAX_BYTES) return tooLargeMessage(file.size);
  return undefined;
}

const SAVE_AS_HINT = "In your spreadsheet, choose Save as (or Download) and pick “CSV UTF-8”, then upload that file.";

/** Bytes to text. Refuses binary files, other encodings and oversized files with one clear message. */
export function decodeCsvBytes(bytes: Uint8Array, rowNoun = "person"): { ok: true; text: string } | CsvFailure {
  if (bytes.byteLength === 0) return { ok: false, error: `The file is empty. Add a header row and one row per ${rowNoun}, then upload it again.` };
  if (bytes.byteLength > CSV_MAX_BYTES) {
    return { ok: false, error: tooLargeMessage(bytes.byteLength) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: `The file is saved as UTF-16 text, not UTF-8. ${SAVE_AS_HINT}` };
  }
  // Spreadsheets (xlsx is a zip), PDFs and images contain NUL or other control bytes that text never has.
  let control = 0;
  const sample = Math.min(bytes.byteLength, 65536);
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b === 0) return { ok: false, error: `This doesn't look like a CSV file (it contains binary data, as a spreadsheet or image would). ${SAVE_AS_HINT}` };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  if (control > 0 && control / sample > 0.01) {
    return { ok: false, error: `This doesn't look like a CSV file (it contains binary data, as a spreadsheet or image would). ${SAVE_AS_HINT}` };
  }
  let text: string;
  try {
    // fatal: invalid UTF-8 is an error rather than silent U+FFFD; the default strips a UTF-8 BOM.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `The file isn't UTF-8 text (it may be saved in an older encoding such as Windows-1252). ${SAVE_AS_HINT}` };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Parses CSV text into records, each with the line it starts on. Blank lines are skipped. One pass
 * over the text; a record with too many columns or a field that is too long stops it with a message.
 */
export function parseCsv(
  text: string,
  limits: { maxColumns?: number; maxField?: number; columns?: readonly string[]; what?: string } = {},
): { ok: true; records: CsvRecord[] } | CsvFailure {
  const maxColumns = limits.maxColumns ?? CSV_MAX_COLUMNS;
  const maxField = limits.maxField ?? CSV_MAX_FIELD;
  // What the file should be, for the messages (other imports reuse this reader).
  const what = limits.what ?? "a list of people, one per row";
  const columns = limits.columns ?? INVITE_COLUMNS;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  // Whether the field so far is only spaces: a quote may still open it (kept as a flag, since
  // trimming the field at every quote would make a long field with many quotes quadratic).
  let fieldBlank = true;
  let problem: string | null = null;
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => {
    if (field.length > maxField) problem ??= `Line ${recordLine}: a field is ${field.length.toLocaleString("en-AU")} characters long; the limit is ${maxField.toLocaleString("en-AU")}. Check the file is ${what}.`;
    fields.push(field);
    if (fields.length > maxColumns) problem ??= `Line ${recordLine}: the row has more than ${maxColumns} columns. The file should have the columns ${columns.join(", ")}.`;
    field = "";
    fieldBlank = true;
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  // Runs of ordinary characters are copied as one slice (found with a sticky search), so the work
  // is one pass over the text whatever it holds.
  const special = /[",\r\n]/g;
  let i = 0;
  while (i < text.length) {
    if (problem) return { ok: false, error: problem };
    // A field past the limit is refused now rather than grown to the end of the file.
    if (field.length > maxField) return { ok: false, error: `Line ${recordLine}: a field is longer than ${maxField.toLocaleString("en-AU")} characters. Check the file is ${what}.` };
    if (inQuotes) {
      const q = text.indexOf('"', i);
      if (q < 0) break;
      for (let k = i; k < q; k++) if (text[k] === "\n" || (text[k] === "\r" && text[k + 1] !== "\n")) line++;
      field += text.slice(i, q);
      if (text[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        inQuotes = false;
        i = q + 1;
      }
      continue;
    }
    special.lastIndex = i;
    const next = special.exec(text);
    const j = next ? next.index : text.length;
    if (j > i) {
      const chunk = text.slice(i, j);
      if (quotedField) {
        if (!/^[ \t]*$/.test(chunk)) return { ok: false, error: `Line ${line}: there is text after a closing quote. Put the whole field inside the quotes.` };
      } else {
        field += chunk;
        if (fieldBlank && /[^ \t]/.test(chunk)) fieldBlank = false;
      }
      i = j;
      continue;
    }
    const c = text[i];
    if (c === '"') {
      if (fieldBlank && !quotedField) {
        field = "";
        inQuotes = true;
        quotedField = true;
        quoteLine = line;
      } else if (quotedField) {
        return { ok: false, error: `Line ${line}: a quoted field is followed by a stray quote. Put "" for a quote inside a quoted field.` };
      } else {
        field += c; // a quote in the middle of an unquoted field is kept as written
        fieldBlank = false;
      }
      i++;
    } else if (c === ",") {
      endField();
      i++;
    } else {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      i++;
    }
  }
  if (inQuotes) return { ok: false, error: `Line ${quoteLine}: a quoted field has no closing quote. Add the missing " and upload the file again.` };
  if (field !== "" || fields.length > 0 || quotedField) endRecord();
  if (problem) return { ok: false, error: problem };
  return { ok: true, records };
}

export const INVITE_COLUMNS = ["email", "name", "role", "supervisor_email", "cohort"] as const;
const REQUIRED_COLUMNS = ["email", "name", "role"] as const;

/** One data row of an invitation file, before validation against the organisation. */
export type InviteRowInput = {
  line: number;
  email: string;
  name: string;
  role: string;
  supervisorEmail: string;
  cohort: string;
  /** Set when the row's shape is wrong (too few or too many fields). */
  shapeError?: string;
};

function headerKey(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Reads an uploaded invitation CSV (header required) into rows, or one message for the whole file. */
export function readInviteCsv(bytes: Uint8Array): { ok: true; rows: InviteRowInput[] } | CsvFailure {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return parsed;
  const [header, ...data] = parsed.records;
  const expected = `The first line must be a header naming the columns: ${INVITE_COLUMNS.join(", ")}.`;
  if (!header) return { ok: false, error: `The file has no rows. ${expected}` };
  if (header.fields.some((f) => f.length > CSV_MAX_HEADER_FIELD)) return { ok: false, error: `A column name in the header is longer than ${CSV_MAX_HEADER_FIELD} characters. ${expected}` };
  const keys = header.fields.map(headerKey);
  if (keys.some((k) => k.includes("@"))) return { ok: false, error: `The header row is missing: the first line holds an email address. ${expected}` };
  const missing = REQUIRED_COLUMNS.filter((c) => !keys.includes(c));
  if (missing.length) return { ok: false, error: `The header is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. ${expected}` };
  const seen = new Set<string>();
  const dup = keys.find((k) => {
    if (!k) return false;
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
  if (dup) return { ok: false, error: `The header names the column ${dup} twice. Keep one and upload the file again.` };
  if (data.length === 0) return { ok: false, error: "The file has a header but no people. Add one row per person under the header." };
  if (data.length > CSV_MAX_ROWS) {
    return { ok: false, error: `The file has ${data.length.toLocaleString("en-AU")} rows; the limit is ${CSV_MAX_ROWS.toLocaleString("en-AU")}. Split it into smaller files and import each.` };
  }
  const index = new Map(INVITE_COLUMNS.map((c) => [c, keys.indexOf(c)]));
  const rows = data.map(({ line, fields }): InviteRowInput => {
    const get = (name: (typeof INVITE_COLUMNS)[number]) => {
      const i = index.get(name) ?? -1;
      return i >= 0 ? (fields[i] ?? "").trim() : "";
    };
    const row: InviteRowInput = { line, email: get("email"), name: get("name"), role: get("role"), supervisorEmail: get("supervisor_email"), cohort: get("cohort") };
    if (fields.length !== keys.length) {
      row.shapeError =
        fields.length < keys.length
          ? `This row has ${fields.length} column${fields.length === 1 ? "" : "s"}; the header has ${keys.length}. Add the missing values (leave a blank between commas for an empty one).`
          : `This row has ${fields.length} columns; the header has ${keys.length}. Put a value containing a comma inside double quotes.`;
    }
    return row;
  });
  return { ok: true, rows };
}

/** The paste box: one person per line, as an email, "Name <email>" or "email, name". */
export function readPastedEmails(text: string, defaults: { role: string; supervisorEmail: string; cohort: string }): { ok: true; rows: InviteRowInput[] } | CsvFailure {
  const lines = text.split(/\r\n|\r|\n/);
  const rows: InviteRowInput[] = [];
  const long = lines.findIndex((l) => l.length > CSV_MAX_FIELD);
  if (long >= 0) return { ok: false, error: `Line ${long + 1} is longer than ${CSV_MAX_FIELD.toLocaleString("en-AU")} characters. Put one person per line: an email, "Name <email>" or "email, name".` };
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    let email = l;
    let name = "";
    const angle = /^(.*)<([^<>]+)>\s*$/.exec(l);
    if (angle) {
      name = angle[1].trim().replace(/^"|"$/g, "");
      email = angle[2].trim();
    } else if (/[,\t;]/.test(l)) {
      const [a, ...rest] = l.split(/[,\t;]/);
      email = a.trim();
      name = rest.join(" ").trim();
    }
    rows.push({ line: i + 1, email, name, ...defaults });
  });
  if (rows.length === 0) return { ok: false, error: "Paste at least one email address, one per line." };
  if (rows.length > CSV_MAX_ROWS) return { ok: false, error: `You pasted ${rows.length.toLocaleString("en-AU")} lines; the limit is ${CSV_MAX_ROWS.toLocaleString("en-AU")}. Paste fewer at a time.` };
  return { ok: true, rows };
}
