import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { certificates, moduleCpdHours, modules, organisations } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { SERIAL_PATTERN } from "@/lib/util/serial";
import { DEFAULT_TIME_ZONE } from "@/lib/util/intl";

// A certificate as printed: what was recorded when it was issued (organisation name, signatory,
// CPD hours), so a later change of settings never rewrites a certificate someone already holds.
// Certificates issued before those settings existed (organisation_name is null) show the current ones.

export type CertificateRecord = {
  serial: string;
  moduleSlug: string;
  moduleTitle: string;
  recipientName: string;
  issuedAt: Date;
  organisationName: string;
  signatoryName: string | null;
  signatoryTitle: string | null;
  cpdMinutes: number | null;
};

const recordColumns = {
  serial: certificates.serial,
  moduleSlug: modules.slug,
  moduleTitle: certificates.moduleTitle,
  recipientName: certificates.recipientName,
  issuedAt: certificates.issuedAt,
  membershipId: certificates.membershipId,
  snapOrg: certificates.organisationName,
  snapSignatory: certificates.signatoryName,
  snapTitle: certificates.signatoryTitle,
  snapMinutes: certificates.cpdMinutes,
  orgName: organisations.name,
  orgSignatory: organisations.signatoryName,
  orgTitle: organisations.signatoryTitle,
  orgTimeZone: organisations.timeZone,
  currentMinutes: moduleCpdHours.minutes,
};

type Row = { [K in keyof typeof recordColumns]: (typeof recordColumns)[K]["_"]["data"] | null };

function toRecord(r: Row): CertificateRecord {
  const legacy = r.snapOrg === null;
  return {
    serial: r.serial!,
    moduleSlug: r.moduleSlug ?? "module",
    moduleTitle: r.moduleTitle!,
    recipientName: r.recipientName!,
    issuedAt: r.issuedAt!,
    organisationName: (legacy ? r.orgName : r.snapOrg) ?? "",
    signatoryName: legacy ? r.orgSignatory : r.snapSignatory,
    signatoryTitle: legacy ? r.orgTitle : r.snapTitle,
    cpdMinutes: legacy ? r.currentMinutes : r.snapMinutes,
  };
}

// Not awaited anywhere but at the call site: a query builder is itself a promise-like.
function baseQuery(db: Db) {
  return db
    .select(recordColumns)
    .from(certificates)
    .innerJoin(organisations, eq(organisations.id, certificates.organisationId))
    .leftJoin(modules, eq(modules.id, certificates.moduleId))
    .leftJoin(moduleCpdHours, and(eq(moduleCpdHours.organisationId, certificates.organisationId), eq(moduleCpdHours.moduleId, certificates.moduleId)))
    .$dynamic();
}

/** Internal: a membership's certificates, oldest first. Callers have authorised access to it. */
export async function certificatesOf(orgId: string, membershipId: string): Promise<CertificateRecord[]> {
  const q = baseQuery(await getDb());
  const rows = await q.where(and(eq(certificates.organisationId, orgId), eq(certificates.membershipId, membershipId))).orderBy(asc(certificates.issuedAt), asc(certificates.serial));
  return rows.map(toRecord);
}

/** The caller's own certificates in their current organisation. */
export async function listMyCertificates(ctx: Ctx): Promise<CertificateRecord[]> {
  assertCan(ctx, "modules.study");
  return certificatesOf(ctx.orgId, ctx.membershipId);
}

/** One certificate for its holder, or an org_admin of the holder's organisation. */
export async function getCertificateRecord(ctx: Ctx, serial: string): Promise<CertificateRecord> {
  assertCan(ctx, "modules.study");
  if (!SERIAL_PATTERN.test(serial)) throw new NotFoundError();
  const q = baseQuery(await getDb());
  const [row] = await q.where(and(eq(certificates.serial, serial), eq(certificates.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  if (row.membershipId !== ctx.membershipId && ctx.role !== "org_admin") throw new NotFoundError();
  return toRecord(row);
}

export type VerifiedCertificate = CertificateRecord & { timeZone: string };

/** Public verification: who, which module, when, issued by which organisation; nothing else. */
export async function verifyCertificateRecord(serial: string): Promise<VerifiedCertificate | null> {
  if (!SERIAL_PATTERN.test(serial)) return null;
  const q = baseQuery(await getDb());
  const [row] = await q.where(eq(certificates.serial, serial));
  if (!row) return null;
  return { ...toRecord(row), timeZone: row.orgTimeZone ?? DEFAULT_TIME_ZONE };
}

/** Sum of CPD minutes over the records that have any. */
export function totalMinutes(records: Pick<CertificateRecord, "cpdMinutes">[]): number {
  return records.reduce((n, r) => n + (r.cpdMinutes ?? 0), 0);
}
