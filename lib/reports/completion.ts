import "server-only";
import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { json } from "@/lib/util/json-cell";
import { memberProgressColumns } from "@/lib/onboarding/member-columns";
import { cohortMembers, memberships, users, type Role } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { readReplica } from "@/lib/core/replica";
import { moduleStatus, type ModuleStatus } from "@/lib/onboarding/due";
import { progressKey, type Progress } from "@/lib/onboarding/progress";
import { orgRequirements, requiredForMembers } from "@/lib/onboarding/requirement-resolution";
import { escapeLike } from "@/lib/util/sql";
import { afterName } from "@/lib/orgs/members";

export type MatrixFilters = { role?: Role; cohortId?: string; moduleId?: string; status?: ModuleStatus; q?: string };
export type MatrixCell = { status: ModuleStatus; dueAt: Date | null } | null;
export type MatrixRow = { membershipId: string; name: string; email: string; role: Role; cohorts: string[]; cells: Record<string, MatrixCell> };
export type Cursor = { name: string; id: string };

export const MATRIX_PAGE_SIZE = 50;

const BATCH = 200;

type MatrixOpts = { after?: Cursor; pageSize?: number; now?: Date };
type Matrix = { modules: { id: string; title: string }[]; allModules: { id: string; title: string }[]; rows: MatrixRow[]; next: Cursor | null };

/**
 * Active members by required modules. Key-paginated by (lower(name), id); each batch of members
 * costs a fixed number of queries. With a status filter, batches are read until the page fills.
 * The permission is checked on the caller's role; the rows come from the read replica when there
 * is one (lib/core/replica.ts).
 */
export async function getCompletionMatrix(ctx: Ctx, filters: MatrixFilters, opts: MatrixOpts = {}): Promise<Matrix> {
  assertCan(ctx, "org.reports");
  return readReplica(ctx, (db) => readMatrix(db, ctx, filters, opts));
}

async function readMatrix(db: Db, ctx: Ctx, filters: MatrixFilters, opts: MatrixOpts): Promise<Matrix> {
  const now = opts.now ?? new Date();
  const pageSize = opts.pageSize ?? MATRIX_PAGE_SIZE;
  const q = filters.q?.trim();
  // Without a status filter every member read is shown: read one page plus one (to know whether
  // there is a next page). With one, read larger batches until the page fills.
  const batchSize = filters.status ? BATCH : pageSize + 1;
  const readBatch = (after: Cursor | undefined) =>
    db
      .select({
        membershipId: memberships.id,
        role: memberships.role,
        joinedAt: memberships.joinedAt,
        name: users.name,
        email: users.email,
        // Each member's cohorts and module progress come with the row: one statement, not four.
        ...memberProgressColumns,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organisationId, ctx.orgId),
          eq(memberships.status, "active"),
          filters.role ? eq(memberships.role, filters.role) : undefined,
          filters.cohortId
            ? sql`exists (select 1 from ${cohortMembers} cm where cm.organisation_id = ${memberships.organisationId} and cm.membership_id = ${memberships.id} and cm.cohort_id = ${filters.cohortId})`
            : undefined,
          q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined,
          after ? afterName(after) : undefined,
        ),
      )
      .orderBy(asc(memberships.sortName), asc(memberships.id))
      .limit(batchSize);
  // The requirements and the first batch of members don't depend on each other: read together.
  const [reqs, firstBatch] = await Promise.all([orgRequirements(db, ctx.orgId), readBatch(opts.after)]);
  let pending: typeof firstBatch | null = firstBatch;
  const seen = new Set<string>();
  const modules = reqs.filter((r) => !seen.has(r.moduleId) && seen.add(r.moduleId)).map((r) => ({ id: r.moduleId, title: r.moduleTitle }));
  const shown = filters.moduleId ? modules.filter((m) => m.id === filters.moduleId) : modules;
  const rows: MatrixRow[] = [];
  let after = opts.after;
  for (;;) {
    const batch = pending ?? (await readBatch(after));
    pending = null;
    if (batch.length === 0) return { modules: shown, allModules: modules, rows, next: null };
    const cohorts = new Map(batch.map((b) => [b.membershipId, json(b.cohorts)]));
    const required = await requiredForMembers(db, ctx.orgId, batch, { reqs, cohortsOf: cohorts });
    const progress: Progress = { complete: new Set(), started: new Set() };
    for (const b of batch) {
      for (const mod of json(b.certified)) progress.complete.add(progressKey(b.membershipId, mod));
      for (const mod of json(b.started)) progress.started.add(progressKey(b.membershipId, mod));
    }
    for (const m of batch) {
      const cells: Record<string, MatrixCell> = {};
      for (const item of required.get(m.membershipId) ?? []) {
        if (!shown.some((s) => s.id === item.moduleId)) continue;
        const k = progressKey(m.membershipId, item.moduleId);
        cells[item.moduleId] = { status: moduleStatus({ complete: progress.complete.has(k), started: progress.started.has(k), dueAt: item.dueAt, now }), dueAt: item.dueAt };
      }
      if (filters.status && !Object.values(cells).some((c) => c?.status === filters.status)) continue;
      rows.push({ membershipId: m.membershipId, name: m.name, email: m.email, role: m.role, cohorts: (cohorts.get(m.membershipId) ?? []).map((c) => c.name), cells });
      if (rows.length === pageSize) {
        const isLastOfBatch = m === batch[batch.length - 1];
        const more = !isLastOfBatch || batch.length === batchSize;
        return { modules: shown, allModules: modules, rows, next: more ? { name: m.name.toLowerCase(), id: m.membershipId } : null };
      }
    }
    if (batch.length < batchSize) return { modules: shown, allModules: modules, rows, next: null };
    const last = batch[batch.length - 1];
    after = { name: last.name.toLowerCase(), id: last.membershipId };
  }
}
