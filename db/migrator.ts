import path from "node:path";
import { sql } from "drizzle-orm";
import { getHandle, type Db } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export async function applyMigrations(): Promise<void> {
  const { db, driver } = await getHandle();
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db, { migrationsFolder });
  }
}

/** Number of migration files not yet applied; used by the health check. */
export async function pendingMigrations(db: Db): Promise<number> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const expected = readMigrationFiles({ migrationsFolder }).length;
  try {
    const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
    return expected - Number((list[0] as { n: number }).n);
  } catch {
    return expected;
  }
}

