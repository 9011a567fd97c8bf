import { getDb } from "@/db/client";
import { applyMigrations } from "@/db/migrator";
import { syncContent, type SyncReport } from "@/lib/modules/sync";
import { drainDefaultPartition, ensureAuditPartitions } from "@/lib/audit/partitions";

/**
 * Migrates the schema, makes sure the audit log has this month's partition and the next two (and
 * that no rows wait in its default partition), then synchronises the built-in curriculum (idempotent).
 */
export async function prepareDatabase(): Promise<SyncReport> {
  await applyMigrations();
  const db = await getDb();
  await ensureAuditPartitions(db);
  const moved = await drainDefaultPartition(db);
  if (moved.length) console.log(`Audit log: rows of ${moved.length} month(s) moved from the default partition into ${moved.map((m) => m.name).join(", ")}.`);
  return syncContent(db);
}

export function describeSync(r: SyncReport): string {
  const parts = [
    r.created.length && `${r.created.length} added`,
    r.updated.length && `${r.updated.length} updated`,
    r.retired.length && `${r.retired.length} retired`,
  ].filter(Boolean);
  return parts.length ? `Curriculum: ${parts.join(", ")}.` : "Curriculum up to date.";
}
