import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { labelOf } from "./codes";
import type { StoredReviewEntry } from "@/db/schema";
import { ALLIANCE_READING_NOTE } from "./alliance";
import { conditionRows, INFERENCE_CAVEAT, RATINGS_CAVEAT, readReview, readSelfAssessment, type ConditionEntry } from "./conditions";
import type { StoredCaseContent } from "./schemas";
import { formatIn } from "@/lib/util/intl";

// A signed-off case as a PDF with a signature block. Standard fonts only (no font files to ship),
// which means WinAnsi encoding: every string goes through toWinAnsi first.

const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const REPLACEMENTS: Record<string, string> = { "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u00a0": " ", "\u2009": " ", "\u202f": " " };

/** Maps text onto what a standard PDF font can encode: decomposes accents, replaces the rest with "?". */
export function toWinAnsi(s: string): string {
  let out = "";
  for (const ch of s.replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || CP1252_EXTRA.includes(ch)) out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base && [...base].every((b) => b.charCodeAt(0) >= 0x20 && b.charCodeAt(0) <= 0x7e) ? base : "?";
    }
  }
  return out;
}

export type PdfCase = {
  orgName: string;
  authorName: string;
  clientCode: string | null;
  codeListVersion: string;
  /** In the shape of codeListVersion (either stored shape). */
  content: StoredCaseContent;
  signedOffByName: string;
  signedOffAt: Date;
  signedOffVersion: number;
  ratings: Record<string, StoredReviewEntry> | null;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(h: number) {
    if (this.y - h < MARGIN) this.newPage();
  }
  wrap(text: string, size: number, font: PDFFont, width: number): string[] {
    const lines: string[] = [];
    for (const para of toWinAnsi(text).split("\n")) {
      let line = "";
      for (const word of para.split(/ +/)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width) line = next;
        else {
          if (line) lines.push(line);
          // A single word wider than the line is cut into pieces.
          let w = word;
          while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
            let cut = w.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
            lines.push(w.slice(0, cut));
            w = w.slice(cut);
          }
          line = w;
        }
      }
      lines.push(line);
    }
    return lines;
  }
  text(text: string, opts: { size?: number; bold?: boolean; gap?: number; indent?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(text, size, font, A4[0] - 2 * MARGIN - indent)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      this.y -= size * 1.4;
    }
    this.y -= opts.gap ?? 4;
  }
  field(label: string, value: string) {
    this.text(label, { bold: true, gap: 1 });
    this.text(value || "Not recorded", { gap: 8 });
  }
  rule() {
    this.ensure(12);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 4 }, end: { x: A4[0] - MARGIN, y: this.y - 4 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    this.y -= 12;
  }
}

export async function buildCasePdf(c: PdfCase): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Rupture case ${c.clientCode ?? ""}`.trim()));
  doc.setProducer("Rapport");
  doc.setCreator("Rapport");
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const v = c.codeListVersion;
  const x = c.content;
  w.text(`Rupture case ${c.clientCode ?? ""}`, { size: 18, bold: true, gap: 2 });
  w.text(`${c.orgName} - logged by ${c.authorName} - signed off, version ${c.signedOffVersion}`, { size: 10, gap: 10 });
  w.rule();
  // The year only: a month stored by a 2026.1 case is not printed (an identifying date element).
  w.field("Session", `Session ${x.sessionNumber ?? "?"}${x.periodYear ? `, ${x.periodYear}` : ""}`);
  w.field("Approach", labelOf("approach", x.approach, v));
  w.field("Rupture type", labelOf("ruptureType", x.ruptureType, v));
  w.field("Markers observed", (x.markers ?? []).map((m) => labelOf("marker", m, v)).join("; "));
  w.field("Salience (1-5)", x.salience ? String(x.salience) : "");
  w.field("Whose movement", labelOf("movement", x.whoseMovement, v));
  w.field("What happened", x.whatHappened ?? "");
  w.field("My own contribution", x.ownContribution ?? "");
  w.field("Strategies used", (x.strategies ?? []).map((s) => labelOf("strategy", s, v)).join("; "));
  w.field("Outcome", labelOf("outcome", x.outcome, v));
  w.field("What I would do next time", x.nextTime ?? "");
  const t = x.alliance?.therapist;
  const cl = x.alliance?.client;
  if (t || cl) {
    const s = (o: typeof t, k: "goals" | "tasks" | "bond") => (o?.[k] ? String(o[k]) : "-");
    w.field(
      "Alliance snapshot (trainee / client, 1-5)",
      `Goals ${s(t, "goals")} / ${s(cl, "goals")}; tasks ${s(t, "tasks")} / ${s(cl, "tasks")}; bond ${s(t, "bond")} / ${s(cl, "bond")}. ${ALLIANCE_READING_NOTE}`,
    );
  }
  w.rule();
  w.text("Rogers' six conditions (self-assessment / supervisor)", { size: 12, bold: true, gap: 4 });
  w.text(`${RATINGS_CAVEAT} ${INFERENCE_CAVEAT}`, { size: 9, gap: 8 });
  const self = readSelfAssessment(x.selfAssessment, v);
  const said = (e: ConditionEntry | undefined) => (!e ? "Not recorded" : e.note ? `Note: ${e.note}` : `${labelOf("rating", e.rating, v)}. ${e.evidence ?? ""}`.trim());
  for (const row of conditionRows(self, c.ratings ? readReview(c.ratings) : null)) {
    const tag = row.traineeChose ? " (chosen by the trainee)" : row.supervisorAdded ? " (added by the supervisor)" : "";
    w.text(`${labelOf("condition", row.code, v)}${tag}`, { bold: true, gap: 1 });
    w.text(`Self: ${said(row.self)}`, { indent: 10, gap: 1 });
    w.text(`Supervisor: ${said(row.supervisor)}`, { indent: 10, gap: row.supervisor?.quote ? 1 : 6 });
    if (row.supervisor?.quote) w.text(`Quoted: "${row.supervisor.quote.text}"`, { indent: 10, gap: 6 });
  }
  w.ensure(110);
  w.rule();
  w.text("Signature", { size: 12, bold: true, gap: 6 });
  const when = formatIn(c.signedOffAt, "en-AU", { dateStyle: "long", timeStyle: "short", timeZone: "Australia/Sydney" });
  w.text(`Signed off by: ${c.signedOffByName}`, { gap: 2 });
  w.text(`Date and time: ${when} (Sydney time)`, { gap: 2 });
  w.text(`Case version: ${c.signedOffVersion} (code lists ${c.codeListVersion})`, { gap: 18 });
  w.ensure(30);
  w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + 220, y: w.y }, thickness: 0.75, color: rgb(0, 0, 0) });
  w.y -= 12;
  w.text("Supervisor's signature", { size: 8 });
  return doc.save();
}
