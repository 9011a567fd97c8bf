import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { hourEntries } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { auditMany } from "@/lib/core/audit";
import { checkHoursRows, type CheckedRow, type HoursRowInput } from "./csv";
import { today } from "./days";
import { listTraineePlacements } from "./placements";

// Importing an existing spreadsheet of hours as drafts: every row checked first (a preview with a
// message per row), then the valid rows added in one transaction. Idempotent: each row's key is
// its content plus its position among identical rows, so importing the same file again adds nothing.

export type PreviewRow =
  | { line: number; status: "error"; problems: string[]; date: string; duration: string; category: string; placement: string }
  | { line: number; status: "ready" | "skip"; day: string; minutes: number; category: string; placementName: string; note: string };

function withKeys(rows: CheckedRow[]): (CheckedRow & { key?: string })[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (r.status !== "ready") return r;
    const content = JSON.stringify([r.day, r.minutes, r.category, r.traineePlacementId, r.note.trim().toLowerCase()]);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return { ...r, key: createHash("sha256").update(`${content}#${n}`).digest("base64url") };
  });
}

async function check(db: DbOrTx, ctx: Ctx, rows: HoursRowInput[]) {
  const mine = (await listTraineePlacements(db, ctx.orgId, [ctx.membershipId])).filter((p) => !p.archived);
  const keyed = withKeys(checkHoursRows(rows, { placements: mine.map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name })), today: today() }));
  const keys = keyed.flatMap((r) => (r.key ? [r.key] : []));
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const found = await db
      .select({ key: hourEntries.importKey })
      .from(hourEntries)
      .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.traineeMembershipId, ctx.membershipId), inArray(hourEntries.importKey, keys.slice(i, i + 1000))));
    for (const f of found) if (f.key) existing.add(f.key);
  }
  return { keyed, existing };
}

function toPreview(r: CheckedRow & { key?: string }, existing: Set<string>): PreviewRow {
  if (r.status === "error") return { line: r.line, status: "error", problems: r.problems, date: r.input.date, duration: r.input.duration, category: r.input.category, placement: r.input.placement };
  return { line: r.line, status: r.key && existing.has(r.key) ? "skip" : "ready", day: r.day, minutes: r.minutes, category: r.category, placementName: r.placementName, note: r.note };
}

export function summarise(rows: PreviewRow[]) {
  return { ready: rows.filter((r) => r.status === "ready").length, skip: rows.filter((r) => r.status === "skip").length, error: rows.filter((r) => r.status === "error").length };
}

export async function previewHoursImport(ctx: Ctx, rows: HoursRowInput[]): Promise<PreviewRow[]> {
  assertCan(ctx, "hours.log");
  const db = await getDb();
  const { keyed, existing } = await check(db, ctx, rows);
  return keyed.map((r) => toPreview(r, existing));
}

export type ImportOutcome = { line: number; outcome: "added" | "skipped" | "error"; message: string };

/** Adds the valid rows as drafts (to submit from the ledger) and reports every row. */
export async function importHours(ctx: Ctx, rows: HoursRowInput[]): Promise<ImportOutcome[]> {
  assertCan(ctx, "hours.log");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { keyed, existing } = await check(tx, ctx, rows);
    const ready = keyed.filter((r): r is Extract<CheckedRow, { status: "ready" }> & { key: string } => r.status === "ready" && Boolean(r.key) && !existing.has(r.key!));
    const added = new Set<string>();
    for (let i = 0; i < ready.length; i += 1000) {
      const inserted = await tx
        .insert(hourEntries)
        .values(
          ready.slice(i, i + 1000).map((r) => ({
            organisationId: ctx.orgId,
            traineeMembershipId: ctx.membershipId,
            traineePlacementId: r.traineePlacementId,
            occurredOn: r.day,
            minutes: r.minutes,
            category: r.category,
            note: r.note,
            createdVia: "import",
            importKey: r.key,
          })),
        )
        // Two imports of the same file at once: the unique key lets one add each row.
        .onConflictDoNothing()
        .returning({ id: hourEntries.id, key: hourEntries.importKey });
      for (const x of inserted) if (x.key) added.add(x.key);
    }
    const outcomes: ImportOutcome[] = keyed.map((r) => {
      if (r.status === "error") return { line: r.line, outcome: "error", message: r.problems.join(" ") };
      if (r.key && added.has(r.key)) return { line: r.line, outcome: "added", message: "Added as a draft." };
      return { line: r.line, outcome: "skipped", message: "Already imported: nothing to do." };
    });
    await auditMany(tx, [
      {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "hours.imported",
        targetType: "membership",
        targetId: ctx.membershipId,
        detail: { rows: rows.length, added: added.size, skipped: outcomes.filter((o) => o.outcome === "skipped").length, errors: outcomes.filter((o) => o.outcome === "error").length },
      },
    ]);
    return outcomes;
  });
}
