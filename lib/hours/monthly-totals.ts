import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { audit } from "@/lib/core/audit";

// The running monthly totals (hour_monthly_totals) are the database's own: triggers on
// hour_entries keep them (migration 0023). Anything that writes entries with triggers off (a
// restore with --disable-triggers, session_replication_role = replica) leaves them stale. This
// checks them against a recount from the entries and recounts them, one organisation at a time,
// for `npm run hours:recount`. No person reaches it: it is an operator's tool, like the backup.

/** The totals as they should be for one organisation: the same rule as the triggers. */
const WANT = (orgId: string) => sql`select e.trainee_membership_id, date_trunc('month', e.occurred_on)::date as month, e.category, e.status,
    sum(e.minutes)::int as minutes, count(*)::int as entries, max(e.occurred_on) as last_on
  from hour_entries e
  left join hour_entries c on c.organisation_id = e.organisation_id and c.corrects_entry_id = e.id and c.status = 'approved'
  where e.organisation_id = ${orgId} and not (e.status = 'approved' and c.id is not null)
  group by e.trainee_membership_id, date_trunc('month', e.occurred_on)::date, e.category, e.status`;

const HAVE = (orgId: string) => sql`select trainee_membership_id, month, category, status, minutes, entries, last_on
  from hour_monthly_totals where organisation_id = ${orgId}`;

export type TotalsCheck = { organisationId: string; rowsWrong: number };

async function organisationsWithHours(db: Db, only?: string): Promise<string[]> {
  if (only) return [only];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select distinct organisation_id as id from hour_entries union select distinct organisation_id from hour_monthly_totals order by 1`),
  );
  return rows.map((r) => r.id);
}

/** How many rows of each organisation's totals differ from a recount (missing, extra or wrong). */
export async function checkHourTotals(db: Db, opts: { organisationId?: string } = {}): Promise<TotalsCheck[]> {
  const out: TotalsCheck[] = [];
  for (const orgId of await organisationsWithHours(db, opts.organisationId)) {
    const [r] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from (((${WANT(orgId)}) except all (${HAVE(orgId)})) union all ((${HAVE(orgId)}) except all (${WANT(orgId)}))) d`),
    );
    out.push({ organisationId: orgId, rowsWrong: Number(r.n) });
  }
  return out;
}

/**
 * Recounts every month of every trainee of each organisation (the months with entries and the
 * months the totals hold), each organisation in its own transaction, through the triggers' own
 * function (so under the same locks as a write). Returns the organisations' rows wrong before; an
 * organisation whose totals were wrong gets an audit event (hours.totals_recounted, no actor).
 */
export async function recountHourTotals(db: Db, opts: { organisationId?: string } = {}): Promise<TotalsCheck[]> {
  const before = await checkHourTotals(db, opts);
  for (const { organisationId, rowsWrong: wrong } of before) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select hour_monthly_totals_recount(array_agg(k.org), array_agg(k.trainee), array_agg(k.month)) from (
          select organisation_id as org, trainee_membership_id as trainee, date_trunc('month', occurred_on)::date as month from hour_entries where organisation_id = ${organisationId}
          union
          select organisation_id, trainee_membership_id, month from hour_monthly_totals where organisation_id = ${organisationId}
        ) k`);
      // An operator did it, not a person of the organisation: no actor. Recorded when it changed something.
      if (wrong > 0) await audit(tx, { organisationId, action: "hours.totals_recounted", targetType: "organisation", targetId: organisationId, detail: { rowsWrong: wrong } });
    });
  }
  return before;
}
