// The archive's CSV: RFC 4180, faithful to the stored values (unlike the viewer's export, which
// prefixes formula-like cells for spreadsheets). NULL is an empty unquoted cell, an empty string is
// "" (quoted), so the two stay apart. Pure: unit-tested, and the verification reads it back.

export const ARCHIVE_COLUMNS = ["id", "organisation_id", "actor_user_id", "action", "target_type", "target_id", "outcome", "detail", "occurred_at"] as const;

export type ArchiveRow = Record<(typeof ARCHIVE_COLUMNS)[number], string | null>;

function cell(v: string | null): string {
  if (v === null) return "";
  return v === "" || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function archiveLine(row: ArchiveRow): string {
  return ARCHIVE_COLUMNS.map((c) => cell(row[c])).join(",") + "\r\n";
}

export const ARCHIVE_HEADER = ARCHIVE_COLUMNS.join(",") + "\r\n";

/**
 * Reads the archive back: the header, then each record's cells (null for an empty unquoted cell).
 * Strict: a quote in the middle of an unquoted cell, a record with the wrong number of cells, or
 * one without its line end is an error (a damaged file must not verify).
 */
export function* parseArchive(text: string): Generator<(string | null)[]> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cells: (string | null)[] = [];
    for (;;) {
      if (text[i] === '"') {
        let v = "";
        i++;
        for (;;) {
          if (i >= n) throw new Error("unterminated quoted cell");
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error("unterminated quoted cell");
          v += text.slice(i, q);
          if (text[q + 1] === '"') {
            v += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        cells.push(v);
      } else {
        let j = i;
        while (j < n && text[j] !== "," && text[j] !== "\r" && text[j] !== "\n") {
          if (text[j] === '"') throw new Error(`stray quote at offset ${j}`);
          j++;
        }
        cells.push(j === i ? null : text.slice(i, j));
        i = j;
      }
      if (text[i] === ",") {
        i++;
        continue;
      }
      // Every record ends with CRLF, the last one too: a file cut short does not end cleanly.
      if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
      else throw new Error(`expected a line end at offset ${i}`);
      break;
    }
    if (cells.length !== ARCHIVE_COLUMNS.length) throw new Error(`a record with ${cells.length} cells instead of ${ARCHIVE_COLUMNS.length}`);
    yield cells;
  }
}
