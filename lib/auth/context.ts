import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, users, userSessions, type Role } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { isUuid } from "@/lib/uuid";
import { authOptions } from "./options";
import { sessionIsLive, touchSession } from "./sessions";

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

/**
 * The signed-in user, checked against the database on every request: a disabled user, or a
 * token minted before the last password change (session version), counts as signed out.
 */
export const getSessionUser = cache(async () => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !sid || !isUuid(id) || !isUuid(sid)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      sv: users.sessionVersion,
      disabledAt: users.disabledAt,
      session: { id: userSessions.id, revokedAt: userSessions.revokedAt, expiresAt: userSessions.expiresAt, lastSeenAt: userSessions.lastSeenAt },
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, sid), eq(userSessions.userId, users.id)))
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.disabledAt || row.sv !== (session?.sv ?? 0) || !sessionIsLive(row.session)) return null;
  await touchSession(db, row.session);
  return { id: row.id, name: row.name, email: row.email, sv: row.sv, sessionId: row.session.id };
});

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
  const user = await getSessionUser();
  if (!user) return null;
  const choices = (await listOrgChoices(user.id)) as (OrgChoice & { membershipId: string })[];
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
  redirect(user ? "/no-organisation" : "/login");
}

/** Throws not-found (never forbidden) when the caller's role lacks the permission. */
export function assertCan(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.role, permission)) throw new NotFoundError();
}
