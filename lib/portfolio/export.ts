import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { safeFilePart } from "@/lib/certificates/documents";
import { settingsOf } from "@/lib/orgs/settings";
import { DEFAULT_TIME_ZONE } from "@/lib/util/intl";
import { buildPortfolioZip } from "./build";
import { PORTFOLIO_PARTS } from "./registry";
import type { PortfolioSubject, PortfolioViewer } from "./types";

// Who may export whose records: a person their own (in their current organisation); an org_admin
// any member of their organisation, active or deactivated (the usual case: someone leaving),
// with an audit row naming the member and the files.

export type PortfolioFileOut = { bytes: Uint8Array; filename: string; paths: string[] };

async function zipFor(subject: PortfolioSubject, viewer: PortfolioViewer, exportedBy: string): Promise<PortfolioFileOut> {
  const settings = await settingsOf(subject.orgId);
  const { bytes, paths } = await buildPortfolioZip(subject, viewer, PORTFOLIO_PARTS, {
    organisationName: settings?.name ?? "",
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
    exportedBy,
  });
  const day = new Date().toISOString().slice(0, 10);
  return { bytes, paths, filename: `rapport-records-${safeFilePart(subject.name)}-${day}.zip` };
}

/** The caller's own portfolio; the export itself is audited (it holds case narratives). */
export async function exportMyPortfolio(ctx: Ctx): Promise<PortfolioFileOut> {
  assertCan(ctx, "modules.study");
  const subject: PortfolioSubject = { orgId: ctx.orgId, membershipId: ctx.membershipId, userId: ctx.userId, name: ctx.userName, role: ctx.role };
  const out = await zipFor(subject, "self", ctx.userName);
  await audit(await getDb(), { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "portfolio.exported", targetType: "membership", targetId: ctx.membershipId, detail: { files: out.paths.length } });
  return out;
}

/** An admin's export of a member's records (metadata of cases only; no private reflections). */
export async function exportMemberRecords(ctx: Ctx, membershipId: string): Promise<PortfolioFileOut> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [m] = await db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, status: memberships.status, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, ctx.orgId)));
  if (!m) throw new NotFoundError();
  const subject: PortfolioSubject = { orgId: ctx.orgId, membershipId: m.id, userId: m.userId, name: m.name, role: m.role };
  const out = await zipFor(subject, "admin", ctx.userName);
  await audit(db, {
    organisationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "member.records_exported",
    targetType: "membership",
    targetId: m.id,
    detail: { member: m.name, status: m.status, files: out.paths },
  });
  return out;
}
