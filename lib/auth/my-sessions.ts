import "server-only";
import { getDb } from "@/db/client";
import { auditAs } from "@/lib/core/audit";
import { NotFoundError } from "@/lib/core/errors";
import { getSessionUser, type Ctx } from "@/lib/core/context";
import { listLiveSessions, listRecentSignIns, revokeOtherSessions, revokeSession, sessionIsLive } from "@/lib/core/sessions";

/** The caller's own live sessions, with the current one marked. */
export async function listMySessions(ctx: Ctx) {
  const me = await getSessionUser();
  if (!me || me.id !== ctx.userId) throw new NotFoundError();
  const rows = await listLiveSessions(await getDb(), ctx.userId);
  return rows.map((r) => ({ ...r, current: r.id === me.sessionId }));
}

/** The caller's own recent sign-ins (sessions started, live or ended), newest first. */
export async function listMySignIns(ctx: Ctx) {
  const rows = await listRecentSignIns(await getDb(), ctx.userId);
  return rows.map((r) => ({ ...r, live: sessionIsLive(r) }));
}

export async function endMySession(ctx: Ctx, sessionId: string) {
  const db = await getDb();
  // Scoped by the caller's user id: another person's session id ends nothing.
  if (!(await revokeSession(db, sessionId, ctx.userId))) throw new NotFoundError();
  await auditAs(db, ctx, { action: "auth.session_ended", targetType: "session", targetId: sessionId });
}

export async function endMyOtherSessions(ctx: Ctx) {
  const me = await getSessionUser();
  if (!me || me.id !== ctx.userId) throw new NotFoundError();
  const db = await getDb();
  const n = await revokeOtherSessions(db, ctx.userId, me.sessionId);
  await auditAs(db, ctx, { action: "auth.other_sessions_ended", targetType: "user", targetId: ctx.userId, detail: { count: n } });
  return n;
}
