import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

// The bulk of the ×10 data set, generated inside the database with INSERT … SELECT over
// generate_series: two million practicum hour entries and their weekly signatures, and about
// five million audit events. Nothing crosses the wire but the statements. "Random" choices come
// from md5 of the seed and the row's position, so every run writes the same rows and ids.

/** A deterministic number in [0, 2^32) from md5 of `parts` (as text). */
const rnd = (...parts: SQL[]) => sql`(('x' || substr(md5(${sql.join(parts.map((p) => sql`(${p})::text`), sql` || ':' || `)}), 1, 8))::bit(32)::bigint)`;

/** A deterministic uuid from md5 of a label, the seed and `parts`. */
const id = (label: string, seed: number, ...parts: SQL[]) => sql`md5(${`${label}:${seed}`}::text || ':' || ${sql.join(parts.map((p) => sql`(${p})::text`), sql` || ':' || `)})::uuid`;

function affected(r: unknown): number {
  const x = r as { count?: number; affectedRows?: number };
  return Number(x.count ?? x.affectedRows ?? 0);
}

export type HoursSqlSpec = { orgId: string; perTrainee: number; anchor: number; seed: number; exceptMemberships: string[] };

/**
 * `perTrainee` entries for every placed trainee of the organisation except `exceptMemberships`,
 * in the shape scripts/seed/large/hours.ts builds (15 entries a week back from the anchor; the
 * last week waiting, some returned the week before, the rest approved one signature per week),
 * with the category weights of that file. Returns the numbers of entries and signatures.
 */
export async function generateHours(db: Db, s: HoursSqlSpec): Promise<{ entries: number; approvals: number }> {
  const anchorDay = new Date(s.anchor).toISOString().slice(0, 10);
  const except = s.exceptMemberships.length ? sql`and tp.trainee_membership_id not in (${sql.join(s.exceptMemberships.map((m) => sql`${m}::uuid`), sql`, `)})` : sql``;
  const approvalId = id("hour-approval", s.seed, sql`g.tp_id::text`, sql`g.week::text`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`create temp table seed_hours on commit drop as
      select g.*, ${id("hour-entry", s.seed, sql`g.tp_id::text`, sql`g.k::text`)} as id,
             (${anchorDay}::date - (g.week * 7 + 1 + (g.k % 15) % 5)::int) as occurred_on,
             (array[30, 45, 60, 60, 90, 120])[1 + ((g.r >> 8) % 6)::int] as minutes,
             case when g.r % 100 < 30 then 'direct_individual' when g.r % 100 < 38 then 'direct_couple_family'
                  when g.r % 100 < 46 then 'direct_group' when g.r % 100 < 64 then 'indirect_notes'
                  when g.r % 100 < 74 then 'indirect_preparation' when g.r % 100 < 80 then 'indirect_case_conference'
                  when g.r % 100 < 88 then 'supervision_individual' when g.r % 100 < 94 then 'supervision_group'
                  else 'skills_practice' end as category,
             case when g.week = 0 then (case when g.k % 7 = 3 then 'draft' else 'submitted' end)
                  when g.week = 1 and g.k % 11 = 0 then 'returned' else 'approved' end as status,
             ${approvalId} as week_approval_id
      from (
        select tp.organisation_id as org, tp.id as tp_id, tp.trainee_membership_id as trainee,
               s.supervisor_membership_id as sup, u.name as sup_name, k, k / 15 as week,
               ${rnd(sql`${String(s.seed)}`, sql`tp.id::text`, sql`k::text`)} as r
        from trainee_placements tp
        join trainee_placement_supervisors s on s.organisation_id = tp.organisation_id and s.trainee_placement_id = tp.id
        join memberships m on m.id = s.supervisor_membership_id
        join users u on u.id = m.user_id
        cross join generate_series(0, ${s.perTrainee - 1}::int) k
        where tp.organisation_id = ${s.orgId} ${except}
      ) g`);
    const a = await tx.execute(sql`insert into hour_approvals (id, organisation_id, supervisor_membership_id, attestation, via, entry_count, minutes, approved_at)
      select week_approval_id, org, sup, sup_name, 'review', count(*), sum(minutes), ${new Date(s.anchor).toISOString()}::timestamptz - make_interval(days => (week * 7 - 2)::int)
      from seed_hours where status = 'approved'
      group by week_approval_id, org, sup, sup_name, week`);
    const e = await tx.execute(sql`insert into hour_entries (id, organisation_id, trainee_membership_id, trainee_placement_id, occurred_on, minutes, category, note, status,
        created_via, submitted_at, returned_at, returned_by_membership_id, return_reason, approval_id, created_at, updated_at)
      select id, org, trainee, tp_id, occurred_on, minutes, category, case when category = 'skills_practice' then 'Role-play with a peer' else '' end,
             status::hour_entry_status, 'form',
             case when status = 'draft' then null else (occurred_on::timestamp at time zone 'UTC') + interval '1 day' end,
             case when status = 'returned' then (occurred_on::timestamp at time zone 'UTC') + interval '2 days' end,
             case when status = 'returned' then sup end,
             case when status = 'returned' then 'Please check the category.' end,
             case when status = 'approved' then week_approval_id end,
             (occurred_on::timestamp at time zone 'UTC') + interval '12 hours',
             (occurred_on::timestamp at time zone 'UTC') + interval '1 day'
      from seed_hours order by trainee, occurred_on desc, id`);
    return { entries: affected(e), approvals: affected(a) };
  });
}

const ACTION_OF_STATUS = sql`case t.to_status when 'draft' then 'case.created' when 'submitted' then 'case.submitted'
  when 'changes_requested' then 'case.changes_requested' when 'signed_off' then 'case.signed_off' else 'case.reopened' end`;

/** The audit trail the case history implies: one event per transition and per comment. */
export function caseTrailSelects(orgIds: SQL): SQL[] {
  return [
    sql`select t.organisation_id, m.user_id, ${ACTION_OF_STATUS}, 'case', t.case_id::text, 'success'::audit_outcome,
           jsonb_build_object('from', t.from_status, 'to', t.to_status, 'caseVersion', t.case_version), t.occurred_at
        from case_transitions t join memberships m on m.organisation_id = t.organisation_id and m.id = t.actor_membership_id
        where t.organisation_id in (${orgIds})`,
    sql`select c.organisation_id, m.user_id, 'case.commented', 'case', c.case_id::text, 'success'::audit_outcome,
           jsonb_build_object('commentId', c.id, 'focus', c.focus), c.created_at
        from case_comments c join memberships m on m.organisation_id = c.organisation_id and m.id = c.author_membership_id
        where c.organisation_id in (${orgIds})`,
  ];
}

export const AUDIT_COLUMNS = sql`(organisation_id, actor_user_id, action, target_type, target_id, outcome, detail, occurred_at)`;

export type AuditSqlSpec = { orgId: string; anchor: number; seed: number; viewsPerCase: { min: number; max: number } };

/**
 * Years of an organisation's audit log, oldest first (so ids rise with time, as in a real log):
 * the case trail; supervisors opening the cases of their trainees (case.viewed, the routine read
 * the viewer leaves out by default) `viewsPerCase` times each between the case's start and three
 * months after its last change; and one hours.entry_approved per approved hour entry, at its
 * signature.
 */
export async function generateAudit(db: Db, s: AuditSqlSpec): Promise<number> {
  const org = sql`${s.orgId}::uuid`;
  const anchor = sql`${new Date(s.anchor).toISOString()}::timestamptz`;
  const span = s.viewsPerCase.max - s.viewsPerCase.min + 1;
  const views = sql`select c.organisation_id, sm.user_id, 'case.viewed', 'case', c.id::text, 'success'::audit_outcome,
        jsonb_build_object('status', c.status, 'caseVersion', c.version, 'via', 'page'),
        c.created_at + (least(${anchor}, c.updated_at + interval '90 days') - c.created_at)
          * (${rnd(sql`${`view:${s.seed}`}`, sql`c.id::text`, sql`v::text`)}::float8 / 4294967296.0)
      from cases c
      join supervisions s on s.organisation_id = c.organisation_id and s.trainee_membership_id = c.author_membership_id
      join memberships sm on sm.organisation_id = s.organisation_id and sm.id = s.supervisor_membership_id
      cross join lateral generate_series(1, ${s.viewsPerCase.min}::int + (${rnd(sql`${`views:${s.seed}`}`, sql`c.id::text`)} % ${span}::int)::int) v
      where c.organisation_id = ${org} and c.status <> 'draft'`;
  const approvals = sql`select e.organisation_id, sm.user_id, 'hours.entry_approved', 'hour_entry', e.id::text, 'success'::audit_outcome,
        jsonb_build_object('approvalId', a.id, 'minutes', e.minutes), a.approved_at
      from hour_entries e
      join hour_approvals a on a.organisation_id = e.organisation_id and a.id = e.approval_id
      join memberships sm on sm.organisation_id = a.organisation_id and sm.id = a.supervisor_membership_id
      where e.organisation_id = ${org} and e.status = 'approved'`;
  const all = sql.join([...caseTrailSelects(org), views, approvals], sql` union all `);
  return db.transaction(async (tx) => {
    // One sort of several million rows: in memory rather than in many temporary files.
    await tx.execute(sql`set local work_mem = '256MB'`);
    const r = await tx.execute(sql`insert into audit_events ${AUDIT_COLUMNS} select * from (${all}) e order by 8`);
    return affected(r);
  });
}

