import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { SummarySnapshot } from "@/db/schema";
import { toWinAnsi } from "@/lib/pdf/text";
import { formatIn } from "@/lib/util/intl";
import { categoryLabel } from "./categories";
import { longDay } from "./days";
import { formatDuration, hoursText } from "./duration";

// The signed summary as a PDF a trainee can hand to a registration body: who, where, when, the
// approved totals per category, every approval with its signer and date, and the serial with the
// address that verifies it. Standard fonts only (WinAnsi: every string goes through toWinAnsi).

const A4: [number, number] = [595.28, 841.89];
const M = 56;
const ink = rgb(0.1, 0.1, 0.1);
const teal = rgb(0.09, 0.35, 0.34);
const grey = rgb(0.35, 0.35, 0.35);

class Doc {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly footer: string,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - M;
    this.page.drawText(toWinAnsi(this.footer), { x: M, y: 30, size: 8, font: this.font, color: grey });
  }
  ensure(h: number) {
    if (this.y - h < M) this.newPage();
  }
  text(s: string, o: { size?: number; bold?: boolean; color?: typeof ink; x?: number; gap?: number } = {}) {
    const size = o.size ?? 10;
    this.ensure(size + 4);
    this.page.drawText(toWinAnsi(s), { x: o.x ?? M, y: this.y - size, size, font: o.bold ? this.bold : this.font, color: o.color ?? ink });
    this.y -= size + (o.gap ?? 5);
  }
  row(cells: string[], xs: number[], o: { bold?: boolean; size?: number } = {}) {
    const size = o.size ?? 9.5;
    this.ensure(size + 6);
    cells.forEach((c, i) => {
      let t = toWinAnsi(c);
      const width = (xs[i + 1] ?? A4[0] - M) - xs[i] - 6;
      const f = o.bold ? this.bold : this.font;
      while (t.length > 1 && f.widthOfTextAtSize(t, size) > width) t = `${t.slice(0, -2)}.`;
      this.page.drawText(t, { x: xs[i], y: this.y - size, size, font: f, color: ink });
    });
    this.y -= size + 6;
  }
  rule() {
    this.ensure(6);
    this.page.drawLine({ start: { x: M, y: this.y - 2 }, end: { x: A4[0] - M, y: this.y - 2 }, thickness: 0.5, color: grey });
    this.y -= 8;
  }
}

const instant = (iso: string) => formatIn(new Date(iso), "en-AU", { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Australia/Sydney" });

export async function summaryPdf(s: SummarySnapshot & { serial: string; issuedAt: Date }, verifyUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(`Supervised practice hours: ${s.traineeName}`));
  pdf.setAuthor("Rapport");
  const d = new Doc(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold), `Rapport signed summary ${s.serial} - verify at ${verifyUrl}`);
  d.text("RAPPORT", { size: 10, bold: true, color: teal, gap: 10 });
  d.text("Supervised practice hours: signed summary", { size: 18, bold: true, gap: 14 });
  const facts: [string, string][] = [
    ["Trainee", s.traineeName],
    ["Organisation", s.orgName],
    ["Placement", s.placementName ?? "All placements and supervision sessions"],
    ["Period", `${longDay(s.from)} to ${longDay(s.to)}`],
    ["Issued", instant(s.issuedAt.toISOString())],
    ["Serial", s.serial],
  ];
  for (const [k, v] of facts) d.row([k, v], [M, M + 90], { size: 10.5 });
  d.y -= 6;
  d.text("Approved hours by category", { size: 13, bold: true, gap: 8 });
  d.row(["Category", "Hours", "Duration"], [M, M + 300, M + 370], { bold: true });
  d.rule();
  if (s.totals.length === 0) d.text("No approved hours in this period.", { color: grey });
  for (const t of s.totals) d.row([categoryLabel(t.category), hoursText(t.minutes), formatDuration(t.minutes)], [M, M + 300, M + 370]);
  d.rule();
  d.row(["Total", hoursText(s.totalMinutes), formatDuration(s.totalMinutes)], [M, M + 300, M + 370], { bold: true });
  d.y -= 10;
  d.text("Approvals (each a supervisor's signature)", { size: 13, bold: true, gap: 8 });
  const xs = [M, M + 110, M + 230, M + 350, M + 410];
  d.row(["Signed", "Supervisor", "Typed name (attestation)", "Entries", "Hours"], xs, { bold: true });
  d.rule();
  if (s.approvals.length === 0) d.text("None.", { color: grey });
  for (const a of s.approvals) d.row([instant(a.approvedAt), a.supervisorName, a.via === "session" ? `${a.attestation} (session)` : a.attestation, String(a.entries), hoursText(a.minutes)], xs);
  d.y -= 12;
  d.text("Only hours a supervisor approved are counted; hours pending approval or returned are not. Each approval records who", { size: 8.5, color: grey, gap: 2 });
  d.text("signed, when, and the name they typed to attest it. Approved entries cannot be changed; a correction is a new entry.", { size: 8.5, color: grey, gap: 10 });
  d.text(`Check this summary at ${verifyUrl}`, { size: 10, bold: true });
  return pdf.save();
}
