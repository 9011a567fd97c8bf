import "server-only";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { addLink } from "@/lib/pdf/link";
import { toWinAnsi } from "@/lib/pdf/text";
import { formatLongDate, formatShortDate } from "@/lib/util/intl";
import { hoursText } from "@/lib/orgs/settings-schemas";
import { embedLogo, type Branding } from "./pdf";
import { totalMinutes, type CertificateRecord } from "./records";

// A transcript: every completed module with its completion date, CPD hours and certificate serial,
// and the total hours. A4 portrait; the table continues on further pages with its header repeated.

export type TranscriptInput = {
  personName: string;
  organisationName: string;
  records: CertificateRecord[];
  generatedAt: Date;
  /** The public verification page, e.g. https://rapport.example/verify */
  verifyBase: string;
};

const W = 595.28;
const H = 841.89;
const M = 50;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);
const TEAL = rgb(0.09, 0.35, 0.34);
const COLS = [
  { key: "module", label: "Module", x: M, width: 225 },
  { key: "date", label: "Completed", x: M + 230, width: 80 },
  { key: "hours", label: "CPD hours", x: M + 315, width: 55 },
  { key: "serial", label: "Certificate serial", x: M + 375, width: W - M - (M + 375) },
] as const;

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of toWinAnsi(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function transcriptPdf(input: TranscriptInput, branding: Branding): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Training transcript: ${input.personName}`));
  doc.setAuthor(toWinAnsi(input.organisationName));
  doc.setCreator("Rapport");
  doc.setProducer("Rapport");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const logo = await embedLogo(doc, branding.logo);
  const zone = branding.timeZone;
  let page: PDFPage = doc.addPage([W, H]);
  let y = H - M;

  if (logo) {
    const fit = logo.scaleToFit(160, 48);
    page.drawImage(logo, { x: M, y: y - fit.height, width: fit.width, height: fit.height });
    y -= fit.height + 14;
  }
  page.drawText(toWinAnsi(input.organisationName), { x: M, y: y - 11, size: 11, font: bold, color: TEAL });
  y -= 40;
  page.drawText("Training transcript", { x: M, y, size: 22, font: bold, color: INK });
  y -= 24;
  page.drawText(toWinAnsi(input.personName), { x: M, y, size: 14, font, color: INK });
  y -= 18;
  page.drawText(toWinAnsi(`Issued ${formatLongDate(input.generatedAt, zone)}. Dates are in the ${zone} time zone.`), { x: M, y, size: 9, font, color: GREY });
  y -= 28;

  const header = () => {
    for (const c of COLS) page.drawText(c.label, { x: c.x, y, size: 9, font: bold, color: INK });
    page.drawLine({ start: { x: M, y: y - 5 }, end: { x: W - M, y: y - 5 }, thickness: 0.75, color: INK });
    y -= 20;
  };
  header();
  if (input.records.length === 0) {
    page.drawText("No modules completed yet.", { x: M, y, size: 10, font, color: GREY });
    y -= 18;
  }
  for (const r of input.records) {
    const lines = wrap(r.moduleTitle, font, 10, COLS[0].width);
    const rowHeight = lines.length * 13 + 6;
    if (y - rowHeight < M + 40) {
      page = doc.addPage([W, H]);
      y = H - M;
      header();
    }
    lines.forEach((l, i) => page.drawText(l, { x: COLS[0].x, y: y - i * 13, size: 10, font, color: INK }));
    page.drawText(formatShortDate(r.issuedAt, zone), { x: COLS[1].x, y, size: 10, font, color: INK });
    page.drawText(hoursText(r.cpdMinutes) || "-", { x: COLS[2].x, y, size: 10, font, color: INK });
    const serialWidth = font.widthOfTextAtSize(r.serial, 9);
    page.drawText(r.serial, { x: COLS[3].x, y, size: 9, font, color: TEAL });
    addLink(doc, page, `${input.verifyBase}/${r.serial}`, { x: COLS[3].x, y: y - 3, width: serialWidth, height: 12 });
    y -= rowHeight;
    page.drawLine({ start: { x: M, y: y + 9 }, end: { x: W - M, y: y + 9 }, thickness: 0.25, color: GREY });
  }
  if (y < M + 60) {
    page = doc.addPage([W, H]);
    y = H - M;
  }
  y -= 6;
  const total = hoursText(totalMinutes(input.records)) || "0";
  page.drawText(`${input.records.length} ${input.records.length === 1 ? "module" : "modules"} completed`, { x: COLS[0].x, y, size: 10, font: bold, color: INK });
  page.drawText(`Total CPD hours: ${total}`, { x: COLS[1].x, y, size: 10, font: bold, color: INK });
  y -= 24;
  const note = toWinAnsi(`Anyone can check a certificate by its serial at ${input.verifyBase}`);
  page.drawText(note, { x: M, y, size: 9, font, color: GREY });
  const urlWidth = font.widthOfTextAtSize(toWinAnsi(input.verifyBase), 9);
  addLink(doc, page, input.verifyBase, { x: M + font.widthOfTextAtSize(note, 9) - urlWidth, y: y - 3, width: urlWidth, height: 12 });
  return doc.save();
}
