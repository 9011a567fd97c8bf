import "server-only";
import { and, asc, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { cases, hourApprovals, hourEntries, memberships, sessionAttendees, sessionCases, supervisionSessions, users, type SupervisionSession } from "@/db/schema";
import { audit, auditMany } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Pending } from "@/lib/email/send";
import { keyPage } from "@/lib/util/pagination";
import type { JsonCell } from "@/lib/util/json-cell";
import { json } from "@/lib/util/json-cell";
import { supervisesTrainee } from "./access";
import { SESSION_CATEGORY } from "./categories";
import { today } from "./days";
import { deliverLater, sessionRecorded } from "./events";

// Supervision sessions a supervisor records: who attended, the agenda, notes (private, or shared
// with the attendees) and the rupture cases discussed. Attendance writes the supervision hours
// straight into each attendee's ledger, approved by the supervisor who ran it (one signature).

export type SessionChoice = { membershipId: string; name: string; cases: { id: string; clientCode: string | null; status: string }[] };

/**
 * Trainees the supervisor may record a session with (active, supervised through a placement or
 * case supervision) and, for each, the cases the supervisor can read (submitted or later, and
 * assigned as their case supervisor). Two statements.
 */
export async function listSessionChoices(ctx: Ctx): Promise<SessionChoice[]> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  const people = await db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "trainee"), eq(memberships.status, "active"), supervisesTrainee(ctx, sql`${memberships.id}`)))
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(500);
  const caseRows = people.length
    ? await db
        .select({ id: cases.id, clientCode: cases.clientCode, status: cases.status, author: cases.authorMembershipId })
        .from(cases)
        .where(and(eq(cases.organisationId, ctx.orgId), inArray(cases.authorMembershipId, people.map((p) => p.membershipId)), ne(cases.status, "draft"), assignedCaseSupervisor(ctx)))
        .orderBy(desc(cases.updatedAt))
        .limit(2000)
    : [];
  return people.map((p) => ({ ...p, cases: caseRows.filter((c) => c.author === p.membershipId).map(({ author: _a, ...c }) => c) }));
}

const assignedCaseSupervisor = (ctx: Ctx) =>
  sql`exists (select 1 from supervisions s where s.organisation_id = ${cases.organisationId} and s.supervisor_membership_id = ${ctx.membershipId} and s.trainee_membership_id = ${cases.authorMembershipId})`;

async function checkAttendeesAndCases(tx: Tx, ctx: Ctx, attendees: string[], caseIds: string[]) {
  const ok = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, ctx.orgId), inArray(memberships.id, attendees), eq(memberships.role, "trainee"), eq(memberships.status, "active"), supervisesTrainee(ctx, sql`${memberships.id}`)));
  if (ok.length !== attendees.length) throw new ValidationError("Check the highlighted fields.", { attendees: ["Choose trainees you supervise."] });
  if (caseIds.length) {
    const found = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.organisationId, ctx.orgId), inArray(cases.id, caseIds), inArray(cases.authorMembershipId, attendees), ne(cases.status, "draft"), assignedCaseSupervisor(ctx)));
    if (found.length !== caseIds.length) throw new ValidationError("Check the highlighted fields.", { caseIds: ["Link only submitted cases of the trainees who attended."] });
  }
}

export type NewSession = { requestId: string; occurredOn: string; minutes: number; kind: "individual" | "group"; attendees: string[]; agenda: string; notes: string; notesShared: boolean; caseIds: string[] };

export async function recordSession(ctx: Ctx, input: NewSession): Promise<{ id: string }> {
  assertCan(ctx, "hours.supervise");
  if (input.occurredOn > today()) throw new ValidationError("Check the highlighted fields.", { occurredOn: ["Record a session once it has happened."] });
  const attendees = [...new Set(input.attendees)];
  const caseIds = [...new Set(input.caseIds)];
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const [again] = await tx
      .select({ id: supervisionSessions.id })
      .from(supervisionSessions)
      .where(and(eq(supervisionSessions.organisationId, ctx.orgId), eq(supervisionSessions.supervisorMembershipId, ctx.membershipId), eq(supervisionSessions.clientRequestId, input.requestId)));
    if (again) return { id: again.id };
    await checkAttendeesAndCases(tx, ctx, attendees, caseIds);
    const now = new Date();
    const [approval] = await tx
      .insert(hourApprovals)
      .values({ organisationId: ctx.orgId, supervisorMembershipId: ctx.membershipId, attestation: ctx.userName, via: "session", entryCount: attendees.length, minutes: input.minutes * attendees.length, approvedAt: now })
      .returning({ id: hourApprovals.id });
    const [session] = await tx
      .insert(supervisionSessions)
      .values({
        organisationId: ctx.orgId,
        supervisorMembershipId: ctx.membershipId,
        occurredOn: input.occurredOn,
        minutes: input.minutes,
        kind: input.kind,
        agenda: input.agenda,
        notes: input.notes,
        notesShared: input.notesShared,
        approvalId: approval.id,
        clientRequestId: input.requestId,
      })
      .returning({ id: supervisionSessions.id });
    await tx.insert(sessionAttendees).values(attendees.map((a) => ({ organisationId: ctx.orgId, sessionId: session.id, traineeMembershipId: a })));
    if (caseIds.length) await tx.insert(sessionCases).values(caseIds.map((c) => ({ organisationId: ctx.orgId, sessionId: session.id, caseId: c })));
    const entries = await tx
      .insert(hourEntries)
      .values(
        attendees.map((a) => ({
          organisationId: ctx.orgId,
          traineeMembershipId: a,
          sessionId: session.id,
          occurredOn: input.occurredOn,
          minutes: input.minutes,
          category: SESSION_CATEGORY[input.kind],
          note: input.kind === "group" ? "Group supervision session" : "Supervision session",
          status: "approved" as const,
          approvalId: approval.id,
          createdVia: "session",
          submittedAt: now,
        })),
      )
      .returning({ id: hourEntries.id, trainee: hourEntries.traineeMembershipId });
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "supervision_session.recorded",
      targetType: "supervision_session",
      targetId: session.id,
      detail: { occurredOn: input.occurredOn, minutes: input.minutes, kind: input.kind, attendees, caseIds, notesShared: input.notesShared, approvalId: approval.id },
    });
    await auditMany(
      tx,
      entries.map((e) => ({ organisationId: ctx.orgId, actorUserId: ctx.userId, action: "hours.entry_approved", targetType: "hour_entry", targetId: e.id, detail: { approvalId: approval.id, via: "session", sessionId: session.id, minutes: input.minutes } })),
    );
    pending = await sessionRecorded(tx, ctx, session.id, attendees, input.minutes);
    return { id: session.id };
  });
  deliverLater(pending);
  return done;
}

/** The supervisor who ran it may change the agenda, the notes, their sharing and the cases; the hours are signed and stay. */
export async function updateSession(ctx: Ctx, input: { id: string; version: number; agenda: string; notes: string; notesShared: boolean; caseIds: string[] }): Promise<{ version: number }> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(supervisionSessions)
      .where(and(eq(supervisionSessions.organisationId, ctx.orgId), eq(supervisionSessions.id, input.id), eq(supervisionSessions.supervisorMembershipId, ctx.membershipId)))
      .for("update");
    if (!s) throw new NotFoundError();
    if (s.version !== input.version) throw new ConflictError("This session was changed somewhere else (another tab or device). Reload to see the latest.");
    const attendees = (await tx.select({ id: sessionAttendees.traineeMembershipId }).from(sessionAttendees).where(and(eq(sessionAttendees.organisationId, ctx.orgId), eq(sessionAttendees.sessionId, s.id)))).map((a) => a.id);
    const caseIds = [...new Set(input.caseIds)];
    if (caseIds.length) {
      const found = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.organisationId, ctx.orgId), inArray(cases.id, caseIds), inArray(cases.authorMembershipId, attendees), ne(cases.status, "draft"), assignedCaseSupervisor(ctx)));
      if (found.length !== caseIds.length) throw new ValidationError("Check the highlighted fields.", { caseIds: ["Link only submitted cases of the trainees who attended."] });
    }
    const [row] = await tx
      .update(supervisionSessions)
      .set({ agenda: input.agenda, notes: input.notes, notesShared: input.notesShared, version: sql`${supervisionSessions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(supervisionSessions.organisationId, ctx.orgId), eq(supervisionSessions.id, s.id), eq(supervisionSessions.version, input.version)))
      .returning({ version: supervisionSessions.version });
    if (!row) throw new ConflictError();
    await tx.delete(sessionCases).where(and(eq(sessionCases.organisationId, ctx.orgId), eq(sessionCases.sessionId, s.id)));
    if (caseIds.length) await tx.insert(sessionCases).values(caseIds.map((c) => ({ organisationId: ctx.orgId, sessionId: s.id, caseId: c })));
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "supervision_session.updated",
      targetType: "supervision_session",
      targetId: s.id,
      detail: { notesShared: input.notesShared, caseIds, notesChanged: s.notes !== input.notes, agendaChanged: s.agenda !== input.agenda },
    });
    return row;
  });
}

export const SESSIONS_PAGE_SIZE = 50;
export type SessionCursor = { day: string; id: string };
export type SessionRow = { id: string; occurredOn: string; minutes: number; kind: string; supervisorName: string; attendees: number };

/** Trainees: sessions they attended. Supervisors: sessions they ran. Admins: the organisation's. */
export async function listSessions(ctx: Ctx, opts: { after?: SessionCursor } = {}) {
  assertCan(ctx, "hours.view");
  const db = await getDb();
  const sup = alias(memberships, "sup");
  const rows = await db
    .select({
      id: supervisionSessions.id,
      occurredOn: supervisionSessions.occurredOn,
      minutes: supervisionSessions.minutes,
      kind: supervisionSessions.kind,
      supervisorName: users.name,
      attendees: sql<number>`(select count(*)::int from supervision_session_attendees a where a.organisation_id = ${supervisionSessions.organisationId} and a.session_id = ${supervisionSessions.id})`,
    })
    .from(supervisionSessions)
    .innerJoin(sup, and(eq(sup.organisationId, supervisionSessions.organisationId), eq(sup.id, supervisionSessions.supervisorMembershipId)))
    .innerJoin(users, eq(users.id, sup.userId))
    .where(
      and(
        eq(supervisionSessions.organisationId, ctx.orgId),
        ctx.role === "supervisor" ? eq(supervisionSessions.supervisorMembershipId, ctx.membershipId) : undefined,
        ctx.role === "trainee"
          ? sql`exists (select 1 from supervision_session_attendees a where a.organisation_id = ${supervisionSessions.organisationId} and a.session_id = ${supervisionSessions.id} and a.trainee_membership_id = ${ctx.membershipId})`
          : undefined,
        opts.after ? or(lt(supervisionSessions.occurredOn, opts.after.day), and(eq(supervisionSessions.occurredOn, opts.after.day), lt(supervisionSessions.id, opts.after.id))) : undefined,
      ),
    )
    .orderBy(desc(supervisionSessions.occurredOn), desc(supervisionSessions.id))
    .limit(SESSIONS_PAGE_SIZE + 1);
  return keyPage(rows, SESSIONS_PAGE_SIZE, (l): SessionCursor => ({ day: l.occurredOn, id: l.id }));
}

export type SessionView = {
  session: Pick<SupervisionSession, "id" | "occurredOn" | "minutes" | "kind" | "version" | "notesShared" | "createdAt">;
  supervisorName: string;
  canEdit: boolean;
  /** Null when the caller may not read them (admins; attendees while the notes are private). */
  agenda: string | null;
  notes: string | null;
  attendees: { membershipId: string; name: string }[];
  attendeeCount: number;
  cases: { id: string; clientCode: string | null; authorName: string; authorMembershipId: string }[];
};

/**
 * One session. The supervisor who ran it sees everything; an attendee sees the agenda, the notes
 * if shared, themself and only their own cases (never another trainee's); an admin sees when, how
 * long, who ran it and who attended, but no agenda, notes or cases.
 */
export async function getSession(ctx: Ctx, id: string): Promise<SessionView> {
  assertCan(ctx, "hours.view");
  const db = await getDb();
  const sup = alias(memberships, "sup");
  const [row] = await db
    .select({
      s: supervisionSessions,
      supervisorName: users.name,
      attendees: sql<JsonCell<{ membershipId: string; name: string }[]>>`coalesce((select json_agg(json_build_object('membershipId', a.trainee_membership_id, 'name', au.name) order by lower(au.name))
        from supervision_session_attendees a join memberships am on am.organisation_id = a.organisation_id and am.id = a.trainee_membership_id join users au on au.id = am.user_id
        where a.organisation_id = ${supervisionSessions.organisationId} and a.session_id = ${supervisionSessions.id}), '[]'::json)`,
      cases: sql<JsonCell<{ id: string; clientCode: string | null; authorName: string; authorMembershipId: string }[]>>`coalesce((select json_agg(json_build_object('id', c.id, 'clientCode', c.client_code, 'authorName', cu.name, 'authorMembershipId', c.author_membership_id) order by c.client_code)
        from supervision_session_cases sc join cases c on c.organisation_id = sc.organisation_id and c.id = sc.case_id
        join memberships cm on cm.organisation_id = c.organisation_id and cm.id = c.author_membership_id join users cu on cu.id = cm.user_id
        where sc.organisation_id = ${supervisionSessions.organisationId} and sc.session_id = ${supervisionSessions.id}), '[]'::json)`,
    })
    .from(supervisionSessions)
    .innerJoin(sup, and(eq(sup.organisationId, supervisionSessions.organisationId), eq(sup.id, supervisionSessions.supervisorMembershipId)))
    .innerJoin(users, eq(users.id, sup.userId))
    .where(and(eq(supervisionSessions.organisationId, ctx.orgId), eq(supervisionSessions.id, id)));
  if (!row) throw new NotFoundError();
  const s = row.s;
  const attendees = json(row.attendees);
  const linked = json(row.cases);
  const ran = ctx.role === "supervisor" && s.supervisorMembershipId === ctx.membershipId;
  const attended = ctx.role === "trainee" && attendees.some((a) => a.membershipId === ctx.membershipId);
  if (!ran && !attended && ctx.role !== "org_admin") throw new NotFoundError();
  const base = { id: s.id, occurredOn: s.occurredOn, minutes: s.minutes, kind: s.kind, version: s.version, notesShared: s.notesShared, createdAt: s.createdAt };
  if (ran) return { session: base, supervisorName: row.supervisorName, canEdit: true, agenda: s.agenda, notes: s.notes, attendees, attendeeCount: attendees.length, cases: linked };
  if (attended) {
    return {
      session: base,
      supervisorName: row.supervisorName,
      canEdit: false,
      agenda: s.agenda,
      notes: s.notesShared ? s.notes : null,
      attendees: attendees.filter((a) => a.membershipId === ctx.membershipId),
      attendeeCount: attendees.length,
      cases: linked.filter((c) => c.authorMembershipId === ctx.membershipId),
    };
  }
  return { session: base, supervisorName: row.supervisorName, canEdit: false, agenda: null, notes: null, attendees, attendeeCount: attendees.length, cases: [] };
}
