import "server-only";
import { and, eq } from "drizzle-orm";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { getDb } from "@/db/client";
import { certificates, type Certificate } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { winAnsiSafe } from "@/lib/pdf/text";
import { SERIAL_PATTERN } from "./serial";
import { formatIn } from "@/lib/util/intl";

/** The holder, or an org_admin of the same organisation, may download the PDF. */
export async function getCertificateForDownload(ctx: Ctx, serial: string): Promise<Certificate> {
  assertCan(ctx, "modules.study");
  if (!SERIAL_PATTERN.test(serial)) throw new NotFoundError();
  const db = await getDb();
  const [cert] = await db.select().from(certificates).where(and(eq(certificates.serial, serial), eq(certificates.organisationId, ctx.orgId)));
  if (!cert) throw new NotFoundError();
  if (cert.membershipId !== ctx.membershipId && ctx.role !== "org_admin") throw new NotFoundError();
  return cert;
}

/** Public verification: name, module and date only — nothing about the organisation or scores. */
export async function verifyCertificate(serial: string) {
  if (!SERIAL_PATTERN.test(serial)) return null;
  const db = await getDb();
  const [cert] = await db
    .select({ recipientName: certificates.recipientName, moduleTitle: certificates.moduleTitle, issuedAt: certificates.issuedAt, serial: certificates.serial })
    .from(certificates)
    .where(eq(certificates.serial, serial));
  return cert ?? null;
}

export function formatAuDate(d: Date): string {
  return formatIn(d, "en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "Australia/Sydney" });
}

export async function certificatePdf(cert: Pick<Certificate, "recipientName" | "moduleTitle" | "issuedAt" | "serial">, verifyUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsiSafe(`Certificate: ${cert.moduleTitle}`));
  pdf.setAuthor("Rapport");
  const page = pdf.addPage([842, 595]); // A4 landscape
  const serif = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const sans = await pdf.embedFont(StandardFonts.Helvetica);
  const teal = rgb(0.09, 0.35, 0.34);
  const ink = rgb(0.1, 0.1, 0.1);
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: teal, borderWidth: 3 });
  const centre = (text: string, y: number, font = serif, size = 16, color = ink) => {
    const safe = winAnsiSafe(text);
    page.drawText(safe, { x: (842 - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color });
  };
  centre("RAPPORT", 500, sans, 14, teal);
  centre("Certificate of completion", 440, bold, 34);
  centre("This certifies that", 390, serif, 16);
  centre(cert.recipientName, 345, bold, 30);
  centre("has completed the training module", 300, serif, 16);
  centre(cert.moduleTitle, 260, bold, 24, teal);
  centre(`Completed on ${formatAuDate(cert.issuedAt)}`, 215, serif, 16);
  centre(`Serial ${cert.serial}`, 120, sans, 12);
  centre(`Verify at ${verifyUrl}`, 100, sans, 10);
  return pdf.save();
}
