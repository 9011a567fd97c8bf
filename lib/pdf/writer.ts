import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { toWinAnsi } from "./text";

// A small flowing-text writer over pdf-lib for A4 documents in the standard fonts (no font files
// to ship): wraps words to the page width, breaks pages, and draws rules and signature lines.
// Every string goes through toWinAnsi, because standard fonts encode WinAnsi only.

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;

export class PdfWriter {
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

  signatureLine(caption: string) {
    this.ensure(30);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + 220, y: this.y }, thickness: 0.75, color: rgb(0, 0, 0) });
    this.y -= 12;
    this.text(caption, { size: 8, gap: 10 });
  }
}
