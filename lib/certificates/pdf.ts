import "server-only";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import { addLink } from "@/lib/pdf/link";
import { toWinAnsi } from "@/lib/pdf/text";
import { formatLongDate } from "@/lib/util/intl";
import { hoursText } from "@/lib/orgs/settings-schemas";
import type { StoredLogo } from "@/lib/orgs/logo";
import type { CertificateRecord } from "./records";

// The certificate of completion: the issuing organisation (and its logo), the person, the module,
// the completion date in the organisation's time zone, CPD hours, the signatory, and a serial
// with a clickable verification link.

export type Branding = { timeZone: string; logo: StoredLogo | null };

const W = 842;
const H = 595; // A4 landscape
const TEAL = rgb(0.09, 0.35, 0.34);
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

export async function embedLogo(doc: PDFDocument, logo: StoredLogo | null): Promise<PDFImage | null> {
  if (!logo) return null;
  // pdf-lib reads the underlying ArrayBuffer from offset 0: hand it a view that starts there.
  const bytes = logo.bytes.byteOffset === 0 && logo.bytes.byteLength === logo.bytes.buffer.byteLength ? logo.bytes : logo.bytes.slice();
  try {
    return logo.contentType === "image/png" ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  } catch {
    return null; // checked on upload; a certificate is never lost to a logo
  }
}

/** Draws text centred at y, shrinking it to fit the width. Returns the drawn width. */
function centre(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK, maxWidth = W - 120): number {
  const safe = toWinAnsi(text);
  let s = size;
  while (s > 8 && font.widthOfTextAtSize(safe, s) > maxWidth) s -= 1;
  const width = font.widthOfTextAtSize(safe, s);
  page.drawText(safe, { x: (W - width) / 2, y, size: s, font, color });
  return width;
}

export async function certificatePdf(cert: CertificateRecord, branding: Branding, verifyUrl: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Certificate: ${cert.moduleTitle}`));
  doc.setAuthor(toWinAnsi(cert.organisationName || "Rapport"));
  doc.setCreator("Rapport");
  doc.setProducer("Rapport");
  const page = doc.addPage([W, H]);
  const serif = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: TEAL, borderWidth: 3 });

  const logo = await embedLogo(doc, branding.logo);
  if (logo) {
    const fit = logo.scaleToFit(180, 56);
    page.drawImage(logo, { x: (W - fit.width) / 2, y: 500, width: fit.width, height: fit.height });
  }
  centre(page, (cert.organisationName || "Rapport").toUpperCase(), logo ? 478 : 505, sans, 13, TEAL);
  centre(page, "Certificate of completion", 430, bold, 34);
  centre(page, "This certifies that", 392, serif, 16);
  centre(page, cert.recipientName, 350, bold, 30);
  centre(page, "has completed the training module", 314, serif, 16);
  centre(page, cert.moduleTitle, 278, bold, 24, TEAL);
  centre(page, `Completed on ${formatLongDate(cert.issuedAt, branding.timeZone)}`, 240, serif, 16);
  const hours = hoursText(cert.cpdMinutes);
  if (hours) centre(page, `Continuing professional development: ${hours} ${hours === "1" ? "hour" : "hours"}`, 216, serif, 14, GREY);

  if (cert.signatoryName) {
    const x = 110;
    page.drawLine({ start: { x, y: 150 }, end: { x: x + 240, y: 150 }, thickness: 0.75, color: INK });
    page.drawText(toWinAnsi(cert.signatoryName), { x, y: 134, size: 12, font: bold, color: INK });
    if (cert.signatoryTitle) page.drawText(toWinAnsi(cert.signatoryTitle), { x, y: 119, size: 11, font: serif, color: GREY });
    page.drawText(toWinAnsi(`for ${cert.organisationName}`), { x, y: cert.signatoryTitle ? 104 : 119, size: 10, font: serif, color: GREY });
  }
  const right = W - 110;
  const serialText = `Serial ${cert.serial}`;
  page.drawText(serialText, { x: right - sans.widthOfTextAtSize(serialText, 11), y: 134, size: 11, font: sans, color: INK });
  const label = "Check this certificate at";
  page.drawText(label, { x: right - sans.widthOfTextAtSize(label, 9), y: 119, size: 9, font: sans, color: GREY });
  const url = toWinAnsi(verifyUrl);
  const urlWidth = sans.widthOfTextAtSize(url, 9);
  page.drawText(url, { x: right - urlWidth, y: 105, size: 9, font: sans, color: TEAL });
  page.drawLine({ start: { x: right - urlWidth, y: 103 }, end: { x: right, y: 103 }, thickness: 0.5, color: TEAL });
  addLink(doc, page, verifyUrl, { x: right - urlWidth, y: 101, width: urlWidth, height: 12 });
  return doc.save();
}
