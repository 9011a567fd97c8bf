import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

// Multi-row INSERTs in batches, one transaction per table: a few hundred statements for the
// whole data set instead of hundreds of thousands.

const MAX_PARAMS = 60_000; // PostgreSQL's limit is 65,535 bind parameters per statement

export async function insertAll<T extends PgTable>(db: Db, table: T, rows: T["$inferInsert"][], maxRows = 2_000): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMS / columns)));
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += size) {
      await tx.insert(table).values(rows.slice(i, i + size) as never);
    }
  });
  return rows.length;
}
