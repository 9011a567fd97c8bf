import "server-only";
import { actorEvent, auditMany } from "@/lib/core/audit";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { cohorts, invitations, memberships, users, type Role } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import type { Pending } from "@/lib/email/send";
import type { InviteRowInput } from "./csv";
import { insertInvitations } from "./invitations";
import { normaliseEmail, validateInviteRows, type OrgLookup, type PreviewRow } from "./invite-rows";

// Bulk invitations: a fixed handful of queries however many rows (no per-row lookups), every
// row validated first, then the valid rows imported in one transaction.

function chunks<T>(xs: T[], n = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export async function loadLookup(db: DbOrTx, orgId: string, rows: InviteRowInput[]): Promise<OrgLookup> {
  const emails = [...new Set(rows.map((r) => normaliseEmail(r.email)).filter((e): e is string => Boolean(e)))];
  const supEmails = [...new Set(rows.map((r) => r.supervisorEmail.trim().toLowerCase()).filter(Boolean))];
  const lookup: OrgLookup = { memberEmails: new Set(), invitedEmails: new Set(), activeMembers: new Map(), cohorts: new Map() };
  const lowerEmail = sql<string>`lower(${users.email})`;
  for (const part of chunks([...new Set([...emails, ...supEmails])])) {
    const found = await db
      .select({ email: lowerEmail, membershipId: memberships.id, role: memberships.role, status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, orgId), inArray(lowerEmail, part)));
    for (const f of found) {
      lookup.memberEmails.add(f.email);
      if (f.status === "active") lookup.activeMembers.set(f.email, { membershipId: f.membershipId, role: f.role });
    }
  }
  for (const part of chunks(emails)) {
    const open = await db
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.organisationId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), inArray(invitations.email, part)));
    for (const o of open) lookup.invitedEmails.add(o.email);
  }
  const cs = await db.select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt }).from(cohorts).where(eq(cohorts.organisationId, orgId));
  for (const c of cs) lookup.cohorts.set(c.name.toLowerCase(), { id: c.id, name: c.name, archived: Boolean(c.archivedAt) });
  return lookup;
}

export async function previewInviteRows(ctx: Ctx, rows: InviteRowInput[]): Promise<PreviewRow[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return validateInviteRows(rows, await loadLookup(db, ctx.orgId, rows));
}

export type ImportOutcome = { line: number; email: string; outcome: "invited" | "skipped" | "error"; message: string };

async function ensureCohorts(tx: Tx, ctx: Ctx, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  const ids = new Map<string, string>();
  if (wanted.length === 0) return ids;
  const created = await tx
    .insert(cohorts)
    .values(wanted.map((name) => ({ organisationId: ctx.orgId, name })))
    .onConflictDoNothing()
    .returning({ id: cohorts.id, name: cohorts.name });
  await auditMany(
    tx,
    created.map((c) => actorEvent(ctx, { action: "cohort.created", targetType: "cohort", targetId: c.id, detail: { name: c.name, via: "import" } })),
  );
  const all = await tx
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .where(and(eq(cohorts.organisationId, ctx.orgId), isNull(cohorts.archivedAt), inArray(sql`lower(${cohorts.name})`, wanted.map((n) => n.toLowerCase()))));
  for (const c of all) ids.set(c.name.toLowerCase(), c.id);
  return ids;
}

/**
 * Imports the rows that validate and reports every row. Idempotent on (organisation, email):
 * importing the same file again invites nobody twice.
 */
export async function importInviteRows(ctx: Ctx, rows: InviteRowInput[], via: "csv" | "paste") {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const outcomes = await db.transaction(async (tx) => {
    const preview = validateInviteRows(rows, await loadLookup(tx, ctx.orgId, rows));
    const ready = preview.filter((r) => r.status === "ready");
    const cohortIds = await ensureCohorts(tx, ctx, ready.filter((r) => r.cohort && !r.cohortId).map((r) => r.cohort));
    const { inserted, pending: p } = await insertInvitations(
      tx,
      ctx,
      ready.map((r) => ({
        email: r.email,
        name: r.name,
        role: r.role as Role,
        supervisorMembershipId: r.supervisorMembershipId,
        cohortId: r.cohortId ?? (r.cohort ? (cohortIds.get(r.cohort.toLowerCase()) ?? null) : null),
      })),
      via,
    );
    pending = p;
    const invited = new Set(inserted.map((i) => i.email));
    const result: ImportOutcome[] = preview.map((r) => {
      if (r.status === "error") return { line: r.line, email: r.email, outcome: "error", message: r.problems.join(" ") };
      if (r.status === "ready" && invited.has(r.email)) return { line: r.line, email: r.email, outcome: "invited", message: r.note ? `Invitation sent. ${r.note.replace("Creates", "Created")}` : "Invitation sent." };
      return { line: r.line, email: r.email, outcome: "skipped", message: "Already invited: nothing to do." };
    });
    await auditMany(tx, [
      {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "invitations.imported",
        targetType: "organisation",
        targetId: ctx.orgId,
        detail: { via, rows: rows.length, invited: inserted.length, skipped: result.filter((r) => r.outcome === "skipped").length, errors: result.filter((r) => r.outcome === "error").length },
      },
    ]);
    return result;
  });
  await pending?.deliver();
  return outcomes;
}
