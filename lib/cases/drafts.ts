import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseFlagDismissals, cases } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError } from "@/lib/core/errors";
import { authorise, loadCase } from "./access";
import { CODE_LIST_VERSION } from "./codes";
import { SCANNER_VERSION } from "./identifiers";
import { scanCase, type FieldFindings } from "./identifier-check";
import { denormalised, dismissalsOf, recordTransition } from "./case-store";
import type { CaseDraft } from "./schemas";

export type SavedDraft = { caseId: string; version: number; savedAt: Date; findings: FieldFindings };

/** Starts a case as a draft. Drafts may hold findings; they are shown, and block only submission. */
export async function createDraft(ctx: Ctx, content: CaseDraft, opts: { requestId?: string } = {}): Promise<SavedDraft> {
  assertCan(ctx, "cases.log");
  const db = await getDb();
  const now = new Date();
  const requestId = opts.requestId ?? null;
  const created = await db.transaction(async (tx) => {
    // The unique (organisation, author, request id) index decides between concurrent calls: the
    // first inserts, the others insert nothing and return the draft it made.
    const [row] = await tx
      .insert(cases)
      .values({
        organisationId: ctx.orgId,
        authorMembershipId: ctx.membershipId,
        clientRequestId: requestId,
        codeListVersion: CODE_LIST_VERSION,
        content,
        ...denormalised(content),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: cases.id, version: cases.version });
    if (!row) return null;
    await recordTransition(tx, ctx, { caseId: row.id, from: null, to: "draft", caseVersion: row.version, at: now });
    await auditAs(tx, ctx, { action: "case.created", targetType: "case", targetId: row.id });
    return { caseId: row.id, version: row.version, savedAt: now, findings: scanCase(content, []) };
  });
  if (created) return created;
  // Outside the transaction: the embedded database has one connection, which the transaction held.
  const [existing] = await db
    .select({ id: cases.id, version: cases.version, updatedAt: cases.updatedAt, content: cases.content })
    .from(cases)
    .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.authorMembershipId, ctx.membershipId), eq(cases.clientRequestId, requestId!)));
  if (!existing) throw new ConflictError();
  const dismissals = await dismissalsOf(db, ctx.orgId, existing.id);
  return { caseId: existing.id, version: existing.version, savedAt: existing.updatedAt, findings: scanCase(existing.content as CaseDraft, dismissals) };
}

/** Saves the author's draft when the version they edited is still the latest and still editable. */
export async function saveDraft(ctx: Ctx, input: { caseId: string; version: number; content: CaseDraft }): Promise<SavedDraft> {
  const db = await getDb();
  const now = new Date();
  return db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    authorise(loaded, "edit", input.version);
    const [row] = await tx
      .update(cases)
      // The form writes today's shape, so a draft begun under older code lists moves to the current
      // version on its first save (its submitted versions keep theirs in case_versions).
      .set({ content: input.content, ...denormalised(input.content), codeListVersion: CODE_LIST_VERSION, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(and(eq(cases.id, loaded.row.id), eq(cases.organisationId, ctx.orgId), eq(cases.version, input.version)))
      .returning({ version: cases.version });
    if (!row) throw new ConflictError();
    const dismissals = await dismissalsOf(tx, ctx.orgId, loaded.row.id);
    return { caseId: loaded.row.id, version: row.version, savedAt: now, findings: scanCase(input.content, dismissals) };
  });
}

/** Records that the author judged a flag false, with their reason. Re-dismissing updates the reason. */
export async function dismissFlag(ctx: Ctx, input: { caseId: string; field: string; key: string; reason: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    authorise(loaded, "dismiss_flag");
    const now = new Date();
    await tx
      .insert(caseFlagDismissals)
      .values({
        organisationId: ctx.orgId,
        caseId: loaded.row.id,
        field: input.field,
        findingKey: input.key,
        reason: input.reason,
        scannerVersion: SCANNER_VERSION,
        dismissedByMembershipId: ctx.membershipId,
        dismissedAt: now,
      })
      .onConflictDoUpdate({
        target: [caseFlagDismissals.organisationId, caseFlagDismissals.caseId, caseFlagDismissals.field, caseFlagDismissals.findingKey],
        set: { reason: input.reason, dismissedAt: now, dismissedByMembershipId: ctx.membershipId, scannerVersion: SCANNER_VERSION },
      });
    // The finding's text stays out of the audit log: only where, and what kind.
    await auditAs(tx, ctx, {
      action: "case.flag_dismissed",
      targetType: "case",
      targetId: loaded.row.id,
      detail: { field: input.field, kind: input.key.split(":")[0] },
    });
    return { field: input.field, key: input.key, reason: input.reason };
  });
}
