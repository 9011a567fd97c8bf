import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { ensureMonths, monthStart } from "@/lib/audit/partitions";
import { AUDIT_ACTIONS } from "@/lib/core/audit-actions";
import { listAuditActions, listAuditEvents, type AuditCursor } from "@/lib/reports/audit-log";
import { decodeCursor, encodeCursor, isAuditCursor } from "@/lib/util/cursor";
import { createOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("audit viewer pages by (time, id) across monthly partitions", () => {
  it("returns every event once, newest first, page after page, whatever the month or the microsecond", async () => {
    const org = await createOrg("Keyset");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    const now = new Date();
    await ensureMonths(db, [monthStart(now, -1), monthStart(now, -2)]);
    const t = (monthsBack: number, micro: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 2, 3, 4, 5));
      return `${d.toISOString().slice(0, 19)}.${String(micro).padStart(6, "0")}Z`;
    };
    // Same millisecond, different microseconds; two rows at the very same instant; three months.
    const events: { at: string; action: string }[] = [
      { at: t(0, 123001), action: "member.role_changed" },
      { at: t(0, 123002), action: "cohort.created" },
      { at: t(0, 123002), action: "cohort.renamed" },
      { at: t(0, 123002), action: "case.viewed" },
      { at: t(1, 500000), action: "invitation.created" },
      { at: t(1, 500000), action: "case.viewed" },
      { at: t(2, 0), action: "member.deactivated" },
      { at: t(2, 1), action: "cohort.archived" },
    ];
    const ids: number[] = [];
    for (const e of events) {
      const [r] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into audit_events (organisation_id, action, outcome, occurred_at) values (${org.orgId}, ${e.action}, 'success', ${e.at}::timestamptz) returning id::int as id`),
      );
      ids.push(r.id);
    }
    const expected = (withReads: boolean) =>
      events
        .map((e, i) => ({ ...e, id: ids[i] }))
        .filter((e) => withReads || !e.action.endsWith(".viewed"))
        .sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
        .map((e) => e.id);
    const readAll = async (reads: boolean) => {
      const seen: number[] = [];
      let before: AuditCursor | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = await listAuditEvents(admin, { reads }, { before, limit: 2 });
        seen.push(...page.rows.map((r) => r.id).filter((id) => ids.includes(id)));
        if (!page.next) break;
        // The cursor survives the URL: encoded, decoded and checked as the page does.
        before = decodeCursor(encodeCursor(page.next), isAuditCursor);
        expect(before).toEqual(page.next);
      }
      return seen;
    };
    expect(await readAll(false)).toEqual(expected(false));
    expect(await readAll(true)).toEqual(expected(true));
  });

  it("offers the whole vocabulary in the action filter without reading the log", async () => {
    const org = await createOrg("Vocab");
    const actions = await listAuditActions(ctxOf(org, org.admin));
    expect(actions).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    expect(actions).toContain("org.audit_retention_changed");
  });
});
