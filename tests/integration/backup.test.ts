import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getHandle } from "@/db/client";
import { backupTo, restoreFrom } from "@/db/backup";
import { auditEvents } from "@/db/schema";
import { createOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";

withDatabase();

const TABLES = ["organisations", "users", "memberships", "supervisions", "audit_events", "modules", "lessons", "check_attempts"];

async function snapshot() {
  const db = await getDb();
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = await db.execute(sql.raw(`select count(*)::int as n from ${t}`));
    const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { n: number }[];
    out[t] = Number(list[0].n);
  }
  return out;
}

async function wipe() {
  const db = await getDb();
  for (const stmt of ["drop schema public cascade", "create schema public", "drop schema if exists drizzle cascade"]) await db.execute(sql.raw(stmt));
}

describe("backup and restore", () => {
  it("backs up, wipes, restores, and finds every row again", async () => {
    const org = await createOrg("Backup");
    await (await getDb()).insert(auditEvents).values({ organisationId: org.orgId, action: "test.before_backup", outcome: "success" });
    const before = await snapshot();
    expect(before.organisations).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rapport-backup-")), "backup.bin");
    const r = await backupTo(file);
    expect(r.bytes).toBeGreaterThan(1000);

    await wipe();
    const db = await getDb();
    await expect(db.execute(sql`select count(*) from organisations`)).rejects.toThrow();

    await restoreFrom(file);
    expect(await snapshot()).toEqual(before);
    const found = await (await getDb()).execute(sql`select name from organisations where id = ${org.orgId}`);
    const list = (Array.isArray(found) ? found : (found as unknown as { rows: unknown[] }).rows) as { name: string }[];
    expect(list[0].name).toBe(org.name);
    // The append-only guard on audit events survives a restore.
    await expect((await getDb()).execute(sql`delete from audit_events`)).rejects.toThrow();
    expect((await getHandle()).driver).toMatch(/pglite|postgres/);
  });
});
