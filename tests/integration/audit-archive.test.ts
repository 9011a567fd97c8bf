import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, usingEmbedded } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { ArchiveRefusedError, archivePartition, planArchive } from "@/lib/audit/archive";
import { parseArchive } from "@/lib/audit/archive-csv";
import { ensureMonths } from "@/lib/audit/partitions";
import { auditEvents, organisations } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { setAuditRetention } from "@/lib/orgs/settings";
import { createOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const ROOT = path.resolve(__dirname, "..", "..");

async function fill(month: string, orgIds: (string | null)[], perOrg = 3): Promise<number[]> {
  const db = await getDb();
  await ensureMonths(db, [month]);
  const ids: number[] = [];
  for (const orgId of orgIds) {
    for (let i = 0; i < perOrg; i++) {
      const [r] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into audit_events (organisation_id, action, outcome, target_type, target_id, detail, occurred_at)
          values (${orgId}, 'test.archived', 'success', 'note', ${`quote " comma , line\nbreak ${i}`}, ${JSON.stringify({ i, text: "=cmd" })}::jsonb,
                  ${`${month}T00:00:00Z`}::timestamptz + make_interval(days => ${i}, secs => 0.000123))
          returning id::int as id`),
      );
      ids.push(r.id);
    }
  }
  return ids;
}

async function exists(name: string): Promise<boolean> {
  const db = await getDb();
  return rowsOf<{ yes: boolean }>(await db.execute(sql`select to_regclass(${name}) is not null as yes`))[0].yes;
}

async function count(name: string): Promise<number> {
  const db = await getDb();
  return rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`))[0].n;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "rapport-archive-"));

async function retention(orgId: string, years: number) {
  await (await getDb()).update(organisations).set({ auditRetentionYears: years }).where(eq(organisations.id, orgId));
}

describe("audit retention setting", () => {
  it("is seven years by default, changed by an org admin only, and audited with what it was", async () => {
    const org = await createOrg("Retain");
    const db = await getDb();
    const [before] = await db.select({ y: organisations.auditRetentionYears }).from(organisations).where(eq(organisations.id, org.orgId));
    expect(before.y).toBe(7);
    expect(await setAuditRetention(ctxOf(org, org.admin), { years: 3 })).toEqual({ years: 3, changed: true });
    expect(await setAuditRetention(ctxOf(org, org.admin), { years: 3 })).toEqual({ years: 3, changed: false });
    const events = await db
      .select({ detail: auditEvents.detail, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "org.audit_retention_changed")));
    expect(events).toEqual([{ detail: { from: 7, to: 3 }, actor: org.admin.userId }]);
    await expect(setAuditRetention(ctxOf(org, org.supervisor), { years: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAuditRetention(ctxOf(org, org.trainee), { years: 1 })).rejects.toBeInstanceOf(NotFoundError);
    // Below one year is refused by the database too, whatever the caller.
    await expect(db.update(organisations).set({ auditRetentionYears: 0 }).where(eq(organisations.id, org.orgId))).rejects.toThrow();
  });
});

describe("audit archive", () => {
  it("plans a month only when every organisation in it is past its retention (the longest applies)", async () => {
    const long = await createOrg("LongKeep");
    const short = await createOrg("ShortKeep");
    await retention(long.orgId, 100);
    await retention(short.orgId, 1);
    await fill("2011-02-01", [short.orgId]); // 1 year: long past
    await fill("2011-03-01", [short.orgId, long.orgId]); // 100 years: kept
    await fill("2011-04-01", [short.orgId, null]); // no organisation counts as 7 years: past
    const plan = await planArchive(await getDb(), new Date("2026-11-30T00:00:00Z"));
    const of = (name: string) => plan.find((p) => p.name === name);
    expect(of("audit_events_y2011m02")).toMatchObject({ due: true, retentionYears: 1, rows: 3, organisations: 1, unowned: 0 });
    expect(of("audit_events_y2011m03")).toMatchObject({ due: false, retentionYears: 100, rows: 6, organisations: 2 });
    expect(of("audit_events_y2011m03")?.dueAt.toISOString()).toBe("2111-04-01T00:00:00.000Z");
    expect(of("audit_events_y2011m04")).toMatchObject({ due: true, retentionYears: 7, rows: 6, organisations: 1, unowned: 3 });
    // A month is due on the day its last instant passes retention, not before.
    await fill("2024-10-01", [short.orgId]);
    expect((await planArchive(await getDb(), new Date("2025-10-31T23:59:59Z"))).find((p) => p.name === "audit_events_y2024m10")?.due ?? false).toBe(false);
    expect((await planArchive(await getDb(), new Date("2025-11-01T00:00:00Z"))).find((p) => p.name === "audit_events_y2024m10")?.due).toBe(true);
  });

  it("exports a month to gzip CSV with its checksum, verifies it, then drops the partition", async () => {
    const org = await createOrg("Archive");
    const ids = await fill("2012-05-01", [org.orgId, null], 4);
    const dir = path.join(tmp(), "nested", "archive");
    const r = await archivePartition(await getDb(), "audit_events_y2012m05", dir);
    expect(r.rows).toBe(8);
    expect(await exists("audit_events_y2012m05")).toBe(false);
    const [left] = rowsOf<{ n: number }>(await (await getDb()).execute(sql`select count(*)::int as n from audit_events where id in ${sql.raw(`(${ids.join(",")})`)}`));
    expect(left.n).toBe(0);
    const data = fs.readFileSync(path.join(dir, "audit_events_y2012m05.csv.gz"));
    const sum = createHash("sha256").update(data).digest("hex");
    expect(fs.readFileSync(path.join(dir, "audit_events_y2012m05.csv.gz.sha256"), "utf8")).toBe(`${sum}  audit_events_y2012m05.csv.gz\n`);
    const records = [...parseArchive(gunzipSync(data).toString("utf8"))];
    expect(records[0]).toEqual(["id", "organisation_id", "actor_user_id", "action", "target_type", "target_id", "outcome", "detail", "occurred_at"]);
    expect(records.slice(1).map((c) => Number(c[0]))).toEqual(ids);
    const first = records[1];
    expect(first[1]).toBe(org.orgId);
    expect(first[2]).toBeNull(); // no actor: NULL, not ""
    expect(first[5]).toBe('quote " comma , line\nbreak 0'); // exactly as stored
    expect(JSON.parse(first[7]!)).toEqual({ i: 0, text: "=cmd" });
    expect(first[8]).toBe("2012-05-01T00:00:00.000123Z");
    // The organisation's own log says so, in the same transaction as the drop.
    const noted = await (await getDb())
      .select({ detail: auditEvents.detail, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "audit.archived")));
    expect(noted).toEqual([{ targetId: "2012-05", detail: { month: "2012-05", events: 4, file: "audit_events_y2012m05.csv.gz", sha256: r.sha256 } }]);
  });

  it("refuses and keeps the partition when the export does not verify", async () => {
    await fill("2013-06-01", [null], 5);
    const dir = tmp();
    const damage = (file: string) => {
      const b = fs.readFileSync(file);
      b[Math.floor(b.length / 2)] ^= 0xff;
      fs.writeFileSync(file, b);
    };
    await expect(archivePartition(await getDb(), "audit_events_y2013m06", dir, { afterWrite: damage })).rejects.toBeInstanceOf(ArchiveRefusedError);
    expect(await exists("audit_events_y2013m06")).toBe(true);
    expect(await count("audit_events_y2013m06")).toBe(5);
    expect(fs.readdirSync(dir)).toEqual([]); // the unverified export is not left behind
    // A checksum that matches a file whose rows are not the partition's: refused too.
    const truncate = (file: string) => {
      const text = gunzipSync(fs.readFileSync(file)).toString("utf8").split("\r\n");
      const shorter = Buffer.from(text.slice(0, -2).join("\r\n") + "\r\n");
      const gz = gzipSync(shorter);
      fs.writeFileSync(file, gz);
      fs.writeFileSync(`${file}.sha256`, `${createHash("sha256").update(gz).digest("hex")}  x\n`);
    };
    await expect(archivePartition(await getDb(), "audit_events_y2013m06", dir, { afterWrite: truncate })).rejects.toThrow(/4 rows in the file, 5 in the partition/);
    expect(await count("audit_events_y2013m06")).toBe(5);
  });

  it("refuses and keeps the partition when the export cannot be written", async () => {
    await fill("2014-07-01", [null], 2);
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "not a folder");
    await expect(archivePartition(await getDb(), "audit_events_y2014m07", path.join(file, "archive"))).rejects.toThrow(/could not write the export/);
    expect(await count("audit_events_y2014m07")).toBe(2);
  });

  it.skipIf(usingEmbedded())("npm run audit:archive: a dry run changes nothing; an unwritable folder exits non-zero; then it archives", async () => {
    await fill("2015-08-01", [null], 3);
    const run = (args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/audit-archive.ts", ...args], { cwd: ROOT, env: process.env }, (e, stdout, stderr) =>
          resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
        );
      });
    const dry = await run(["--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/audit_events_y2015m08: 3 events of 0 organisations \(and 3 events without one\), longest retention 7 years; would be archived\./);
    expect(dry.out).toMatch(/Dry run: .* nothing changed\./);
    expect(await exists("audit_events_y2015m08")).toBe(true);

    const blocker = path.join(tmp(), "a-file");
    fs.writeFileSync(blocker, "");
    const refused = await run(["--dir", path.join(blocker, "x")]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Refused: could not write the export/);
    expect(await exists("audit_events_y2015m08")).toBe(true);

    const dir = tmp();
    const done = await run(["--dir", dir]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/audit_events_y2015m08: 3 events exported to .*verified, partition dropped\./);
    expect(await exists("audit_events_y2015m08")).toBe(false);
    const gz = fs.readFileSync(path.join(dir, "audit_events_y2015m08.csv.gz"));
    expect(fs.readFileSync(path.join(dir, "audit_events_y2015m08.csv.gz.sha256"), "utf8").split(" ")[0]).toBe(createHash("sha256").update(gz).digest("hex"));
  });
});
