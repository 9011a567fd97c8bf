import "server-only";
import { cookies } from "next/headers";
import { getSessionUser, listOrgChoices, ORG_COOKIE } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";

/** Makes another of the caller's organisations the current one. Not a member: not found. */
export async function switchOrganisation(orgId: string): Promise<void> {
  const user = await getSessionUser();
  if (!user) throw new NotFoundError();
  const choices = await listOrgChoices(user.id);
  if (!choices.some((c) => c.orgId === orgId)) throw new NotFoundError();
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https") === true });
}
