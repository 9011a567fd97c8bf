import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { certificates, type Certificate } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { verifyCertificateRecord, type VerifiedCertificate } from "@/lib/certificates/records";
import { SERIAL_PATTERN } from "@/lib/util/serial";
import { DEFAULT_TIME_ZONE, formatLongDate } from "@/lib/util/intl";

// The PDF and the printed record live in lib/certificates (pdf.ts, records.ts, transcript.ts).

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

/** Public verification: name, module, date and the issuing organisation; nothing about scores. */
export async function verifyCertificate(serial: string): Promise<VerifiedCertificate | null> {
  return verifyCertificateRecord(serial);
}

/** "27 November 2026" in the organisation's time zone (Sydney when none is given). */
export function formatAuDate(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatLongDate(d, timeZone);
}
