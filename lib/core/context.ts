import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { memberships, organisationLogos, organisations, users, userSessions, type Role } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { can, type Permission } from "@/lib/core/permissions";
import { logoUrlFor } from "@/lib/util/logo-url";
import { isUuid } from "@/lib/util/uuid";
import { readSessionClaims } from "@/lib/core/session-token";
import { sessionIsLive, touchSession } from "@/lib/core/sessions";

export const ORG_COOKIE = "rapport_org";

/** Who is asking, in which organisation, as what. Every data-layer call takes one. */
export type Ctx = {
  userId: string;
  orgId: string;
  role: Role;
  membershipId: string;
  userName: string;
  userEmail: string;
  orgName: string;
};

export type OrgChoice = { orgId: string; orgName: string; role: Role };

type SessionUser = { id: string; name: string; email: string; sv: number; sessionId: string; preferredName: string | null };

/**
 * The signed-in user and the organisations they may act in, checked against the database on
 * every request in one query: a disabled user, or a token minted before the last password change
 * (session version), counts as signed out.
 */
/**
 * The user, the session row and their active memberships (with each organisation's logo version
 * for the shell), in one statement (prepared once).
 */
const sessionLookup = oncePerDb((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      preferredName: users.preferredName,
      sv: users.sessionVersion,
      disabledAt: users.disabledAt,
      session: {
        id: userSessions.id,
        revokedAt: userSessions.revokedAt,
        expiresAt: userSessions.expiresAt,
        lastSeenAt: userSessions.lastSeenAt,
        factorPending: userSessions.factorPending,
      },
      orgId: organisations.id,
      orgName: organisations.name,
      role: memberships.role,
      membershipId: memberships.id,
      logoSha: organisationLogos.sha256,
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, sql.placeholder("sessionId")), eq(userSessions.userId, users.id)))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(organisationLogos, eq(organisationLogos.organisationId, organisations.id))
    .where(eq(users.id, sql.placeholder("userId")))
    .orderBy(asc(organisations.name))
    .prepare("session_lookup"),
);

export type PendingStep = "verify" | "enrol";

type LoadedSession = { user: SessionUser; choices: (OrgChoice & { membershipId: string; logoSha: string | null })[]; pending: PendingStep | null };

/**
 * Any live session, including one that still owes a second factor or an enrolment. Only the
 * sign-in step pages and actions read this; everything else goes through loadSession.
 */
const loadAnySession = cache(async (): Promise<LoadedSession | null> => {
  const claims = await readSessionClaims();
  const id = claims?.userId;
  const sid = claims?.sessionId;
  if (!claims || !id || !sid || !isUuid(id) || !isUuid(sid)) return null;
  const db = await getDb();
  const rows = await sessionLookup(db).execute({ userId: id, sessionId: sid });
  const row = rows[0];
  if (!row || row.disabledAt || row.sv !== claims.sessionVersion || !sessionIsLive(row.session)) return null;
  await touchSession(db, row.session);
  const choices = rows.flatMap((r) => (r.orgId && r.orgName && r.role && r.membershipId ? [{ orgId: r.orgId, orgName: r.orgName, role: r.role, membershipId: r.membershipId, logoSha: r.logoSha }] : []));
  const pending = row.session.factorPending === "verify" || row.session.factorPending === "enrol" ? row.session.factorPending : null;
  return { user: { id: row.id, name: row.name, email: row.email, sv: row.sv, sessionId: row.session.id, preferredName: row.preferredName }, choices, pending };
});

/**
 * A fully signed-in session. One that still owes its second factor (or must enrol one first)
 * counts as signed out everywhere, except on the sign-in step pages: a password alone opens nothing.
 */
const loadSession = cache(async (): Promise<LoadedSession | null> => {
  const s = await loadAnySession();
  return s && !s.pending ? s : null;
});

export type SignInStep = { userId: string; userName: string; userEmail: string; sessionId: string; pending: PendingStep | null };

/** The current session whatever step it is at (for the second-factor and enrolment steps only). */
export const getSignInStep = cache(async (): Promise<SignInStep | null> => {
  const s = await loadAnySession();
  if (!s) return null;
  return { userId: s.user.id, userName: s.user.name, userEmail: s.user.email, sessionId: s.user.sessionId, pending: s.pending };
});

export const getSessionUser = cache(async (): Promise<SessionUser | null> => (await loadSession())?.user ?? null);

/** The signed-in person's organisations, from the same query as the session check. */
export async function myOrgChoices(): Promise<OrgChoice[]> {
  return ((await loadSession())?.choices ?? []).map(({ orgId, orgName, role }) => ({ orgId, orgName, role }));
}

/**
 * What the shell shows on every page: the current organisation's logo (if any) and the person's
 * preferred name, read by the session check's own query (no query of its own).
 */
export async function getShellBranding(ctx: Ctx): Promise<{ logoUrl: string | null; preferredName: string | null }> {
  const session = await loadSession();
  const logoSha = session?.choices.find((c) => c.orgId === ctx.orgId)?.logoSha ?? null;
  return { logoUrl: logoUrlFor(logoSha), preferredName: session?.user.preferredName ?? null };
}

/** Anyone's active organisations, read afresh (outside a request too). */
export const listOrgChoices = cache(async (userId: string): Promise<OrgChoice[]> => {
  const db = await getDb();
  return db
    .select({ orgId: organisations.id, orgName: organisations.name, role: memberships.role, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(organisations.name));
});

/** Resolves the caller's context, or null when signed out / without an active membership. */
export const getContext = cache(async (): Promise<Ctx | null> => {
  const session = await loadSession();
  if (!session) return null;
  const { user, choices } = session;
  if (choices.length === 0) return null;
  const wanted = (await cookies()).get(ORG_COOKIE)?.value;
  const current = choices.find((c) => c.orgId === wanted) ?? choices[0];
  return {
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
    orgId: current.orgId,
    orgName: current.orgName,
    role: current.role,
    membershipId: current.membershipId,
  };
});

/** For pages: signed-out visitors go to sign-in; people without an organisation to a notice. */
export async function requireContext(): Promise<Ctx> {
  const ctx = await getContext();
  if (ctx) return ctx;
  const user = await getSessionUser();
  if (user) redirect("/no-organisation");
  // A session still owing its second factor (or an enrolment) is sent back to that step.
  const step = await getSignInStep();
  redirect(step?.pending ? "/login/verify" : "/login");
}

/** Throws not-found (never forbidden) when the caller's role lacks the permission. */
export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new NotFoundError();
}
