import { getDb } from "@/db/client";
import { applyMigrations } from "@/db/migrator";
import { syncContent, type SyncReport } from "@/lib/modules/sync";

/** Migrates the schema, then synchronises the built-in curriculum (idempotent). */
export async function prepareDatabase(): Promise<SyncReport> {
  await applyMigrations();
  return syncContent(await getDb());
}

export function describeSync(r: SyncReport): string {
  const parts = [
    r.created.length && `${r.created.length} added`,
    r.updated.length && `${r.updated.length} updated`,
    r.retired.length && `${r.retired.length} retired`,
  ].filter(Boolean);
  return parts.length ? `Curriculum: ${parts.join(", ")}.` : "Curriculum up to date.";
}
