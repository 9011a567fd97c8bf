import "server-only";
import { assertCan, type Ctx } from "@/lib/core/context";
import { appBaseUrl } from "@/lib/email/base-url";
import { logoOf } from "@/lib/orgs/logo";
import { settingsOf } from "@/lib/orgs/settings";
import { DEFAULT_TIME_ZONE } from "@/lib/util/intl";
import { certificatePdf, type Branding } from "./pdf";
import { certificatesOf, getCertificateRecord } from "./records";
import { transcriptPdf } from "./transcript";

// The PDFs as files: each takes an already-authorised subject and adds the organisation's
// branding (time zone and logo).

/** Internal: the organisation was derived from the resource or the caller's own context. */
export async function brandingOf(orgId: string): Promise<Branding & { organisationName: string }> {
  const [settings, logo] = await Promise.all([settingsOf(orgId), logoOf(orgId)]);
  return { timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE, logo, organisationName: settings?.name ?? "" };
}

export const verifyUrlFor = (serial: string) => `${appBaseUrl()}/verify/${serial}`;

export function safeFilePart(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "file"
  );
}

/** The holder's (or an admin's) certificate PDF. */
export async function certificateFile(ctx: Ctx, serial: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const record = await getCertificateRecord(ctx, serial);
  const bytes = await certificatePdf(record, await brandingOf(ctx.orgId), verifyUrlFor(record.serial));
  return { bytes, filename: `rapport-certificate-${record.serial}.pdf` };
}

/** Internal: the transcript of a membership whose records the caller may see. */
export async function transcriptFor(orgId: string, membershipId: string, personName: string): Promise<Uint8Array> {
  const [records, branding] = await Promise.all([certificatesOf(orgId, membershipId), brandingOf(orgId)]);
  return transcriptPdf({ personName, organisationName: branding.organisationName, records, generatedAt: new Date(), verifyBase: `${appBaseUrl()}/verify` }, branding);
}

/** The caller's own transcript in their current organisation. */
export async function myTranscript(ctx: Ctx): Promise<{ bytes: Uint8Array; filename: string }> {
  assertCan(ctx, "modules.study");
  return { bytes: await transcriptFor(ctx.orgId, ctx.membershipId, ctx.userName), filename: `rapport-transcript-${safeFilePart(ctx.userName)}.pdf` };
}
