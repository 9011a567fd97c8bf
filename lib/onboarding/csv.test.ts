import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, decodeCsvBytes, parseCsv, readInviteCsv, readPastedEmails } from "./csv";

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = "email,name,role,supervisor_email,cohort";

function records(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r.records.map((x) => x.fields);
}

describe("parseCsv", () => {
  it("splits plain fields and lines", () => {
    expect(records("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
  });

  it("handles CRLF, lone CR and a missing final newline alike", () => {
    expect(records("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(records("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(records("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    expect(records('name,note\n"Nguyen, Thi","She said ""hi""\nand left"\n')).toEqual([
      ["name", "note"],
      ["Nguyen, Thi", 'She said "hi"\nand left'],
    ]);
    expect(records('"a\r\nb",c\r\n')).toEqual([["a\r\nb", "c"]]);
  });

  it("keeps empty fields, including a trailing one, and skips blank lines", () => {
    expect(records("a,,c,\n\n\n1,2,3,4\n")).toEqual([["a", "", "c", ""], ["1", "2", "3", "4"]]);
    expect(records('"",x')).toEqual([["", "x"]]);
  });

  it("reports the line each record starts on, counting line breaks inside quotes", () => {
    const r = parseCsv('h\n"two\nlines"\n\nlast\n');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 5]);
  });

  it("refuses an unterminated quote and text after a closing quote, naming the line", () => {
    const open = parseCsv('a,b\n"oops,1\n2,3\n');
    expect(open).toEqual({ ok: false, error: expect.stringMatching(/^Line 2: a quoted field has no closing quote/) });
    const after = parseCsv('a\n"x"y\n');
    expect(after).toEqual({ ok: false, error: expect.stringMatching(/^Line 2: there is text after a closing quote/) });
  });

  it("keeps a quote that appears in the middle of an unquoted field", () => {
    expect(records('O"Brien,x')).toEqual([['O"Brien', "x"]]);
  });
});

describe("decodeCsvBytes", () => {
  it("strips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc("email\n")]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: "email\n" });
  });

  it("refuses invalid UTF-8 (a Windows-1252 file) with one message about the encoding", () => {
    const latin1 = new Uint8Array([...enc("email,name\nzoe@example.org,Zo"), 0xeb, 0x0a]);
    const r = decodeCsvBytes(latin1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/isn't UTF-8 text/);
    expect(!r.ok && r.error).toMatch(/CSV UTF-8/);
  });

  it("refuses UTF-16", () => {
    const r = decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x65, 0x00, 0x6d, 0x00]));
    expect(!r.ok && r.error).toMatch(/UTF-16/);
  });

  it("refuses binary input such as a spreadsheet or an image", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(decodeCsvBytes(zip)).toEqual({ ok: false, error: expect.stringMatching(/doesn't look like a CSV file/) });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(decodeCsvBytes(png).ok).toBe(false);
  });

  it("refuses an empty file and one over the size limit", () => {
    expect(decodeCsvBytes(new Uint8Array()).ok).toBe(false);
    const big = decodeCsvBytes(new Uint8Array(CSV_MAX_BYTES + 1).fill(0x61));
    expect(!big.ok && big.error).toMatch(/the limit is 1.5 MB/);
  });

  it("accepts accented names in UTF-8", () => {
    expect(decodeCsvBytes(enc("Zoë Ngô, Łukasz"))).toEqual({ ok: true, text: "Zoë Ngô, Łukasz" });
  });
});

describe("readInviteCsv", () => {
  it("maps columns by header name, in any order and letter case, with or without BOM", () => {
    const text = "\ufeffRole,EMAIL,Name,Cohort,Supervisor Email\r\ntrainee,ana@example.org,\"Ana, B\",2027 intake,sup@example.org\r\n";
    const r = readInviteCsv(enc(text));
    expect(r).toEqual({
      ok: true,
      rows: [{ line: 2, email: "ana@example.org", name: "Ana, B", role: "trainee", supervisorEmail: "sup@example.org", cohort: "2027 intake" }],
    });
  });

  it("allows the optional columns to be left out", () => {
    const r = readInviteCsv(enc("email,name,role\nana@example.org,Ana,trainee\n"));
    expect(r.ok && r.rows[0]).toMatchObject({ supervisorEmail: "", cohort: "" });
  });

  it("says the header is missing when the first line holds data", () => {
    const r = readInviteCsv(enc("ana@example.org,Ana,trainee\n"));
    expect(!r.ok && r.error).toMatch(/header row is missing/);
  });

  it("names a missing required column", () => {
    const r = readInviteCsv(enc("email,name\nana@example.org,Ana\n"));
    expect(!r.ok && r.error).toMatch(/missing the column role/);
    const two = readInviteCsv(enc("email\nana@example.org\n"));
    expect(!two.ok && two.error).toMatch(/missing the columns name, role/);
  });

  it("flags a row with too few or too many fields, on that row only", () => {
    const r = readInviteCsv(enc(`${HEADER}\na@example.org,A,trainee\nb@example.org,B,trainee,,x,extra\nc@example.org,C,trainee,,\n`));
    if (!r.ok) throw new Error(r.error);
    expect(r.rows[0].shapeError).toMatch(/has 3 columns; the header has 5/);
    expect(r.rows[1].shapeError).toMatch(/has 6 columns; the header has 5/);
    expect(r.rows[2].shapeError).toBeUndefined();
  });

  it("accepts exactly 5,000 rows and refuses 5,001", () => {
    const body = (n: number) => HEADER + "\n" + Array.from({ length: n }, (_, i) => `p${i}@example.org,P ${i},trainee,,`).join("\n");
    const ok = readInviteCsv(enc(body(CSV_MAX_ROWS)));
    expect(ok.ok && ok.rows.length).toBe(5000);
    const over = readInviteCsv(enc(body(CSV_MAX_ROWS + 1)));
    expect(!over.ok && over.error).toMatch(/5,001 rows; the limit is 5,000/);
  });

  it("refuses a header with no rows and a duplicated column", () => {
    expect(readInviteCsv(enc(`${HEADER}\n`)).ok).toBe(false);
    const dup = readInviteCsv(enc("email,name,role,email\n"));
    expect(!dup.ok && dup.error).toMatch(/names the column email twice/);
  });

  it("passes on a malformed quote as one message", () => {
    const r = readInviteCsv(enc(`${HEADER}\n"a@example.org,A,trainee,,\n`));
    expect(!r.ok && r.error).toMatch(/no closing quote/);
  });
});

describe("readPastedEmails", () => {
  const defaults = { role: "trainee", supervisorEmail: "", cohort: "" };
  it("reads plain emails, Name <email> and email, name, skipping blank lines", () => {
    const r = readPastedEmails("a@example.org\n\n  Bo Li <bo@example.org>\r\nc@example.org, Cy Ng\n", defaults);
    expect(r.ok && r.rows.map((x) => [x.line, x.email, x.name])).toEqual([
      [1, "a@example.org", ""],
      [3, "bo@example.org", "Bo Li"],
      [4, "c@example.org", "Cy Ng"],
    ]);
  });
  it("refuses an empty paste", () => {
    expect(readPastedEmails(" \n ", defaults).ok).toBe(false);
  });
});

describe("hostile files are refused early, in one pass", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const timed = <T>(label: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    console.log(`csv ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
    return r;
  };

  it("refuses a header of 160,000 distinct column names with a message, not a frozen server", () => {
    const header = Array.from({ length: 160_000 }, (_, i) => `c${i}`).join(",");
    const r = timed("160,000 columns", () => readInviteCsv(enc(`${header}\nx@y.example`)));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/more than 50 columns/) });
  });

  it("refuses a field longer than the limit, quoted or not", () => {
    expect(timed("1.4 MB field", () => readInviteCsv(enc(`email,name,role\n${"a".repeat(1_400_000)},b,trainee`)))).toMatchObject({ ok: false, error: expect.stringMatching(/longer than 1,000 characters/) });
    expect(readInviteCsv(enc(`email,name,role\n"${"a".repeat(5000)}",b,trainee`))).toMatchObject({ ok: false, error: expect.stringMatching(/longer than 1,000/) });
    expect(readInviteCsv(enc(`email,${"n".repeat(200)},role\na@b.example,b,trainee`))).toMatchObject({ ok: false, error: expect.stringMatching(/column name in the header is longer/) });
  });

  it("reads many quotes inside unquoted fields and duplicate-heavy headers without slowing down", () => {
    const quotes = timed("quotes in fields", () => parseCsv(Array.from({ length: 4000 }, () => `a"b"c"${"d".repeat(300)}"e,f`).join("\n")));
    expect(quotes.ok).toBe(true);
    const dup = timed("duplicate header", () => readInviteCsv(enc(`email,name,role,${Array.from({ length: 40 }, () => "x").join(",")}\na@b.example,b,trainee`)));
    expect(dup).toMatchObject({ ok: false, error: expect.stringMatching(/names the column x twice/) });
  });

  it("refuses a pasted line longer than any address", () => {
    const r = timed("pasted long line", () => readPastedEmails(`ok@b.example\n${"<".repeat(500_000)}`, { role: "trainee", supervisorEmail: "", cohort: "" }));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Line 2 is longer than 1,000 characters/) });
  });
});
