import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/util/uuid";
import { revokeSession } from "@/lib/core/sessions";
import { audit } from "@/lib/core/audit";
import { getContext } from "@/lib/core/context";
import { readSessionClaims, SESSION_COOKIES } from "@/lib/core/session-token";

// Sign-out without next-auth's client library: a plain form post to a server action (so the
// shell ships no sign-out JavaScript and works before hydration). The server-side session row is
// revoked first, so a copied cookie is dead even if the browser keeps it.

export async function endCurrentSession(): Promise<void> {
  const claims = await readSessionClaims();
  if (claims && isUuid(claims.sessionId) && isUuid(claims.userId)) {
    const ctx = await getContext();
    const db = await getDb();
    await db.transaction(async (tx) => {
      await revokeSession(tx, claims.sessionId, claims.userId);
      await audit(tx, { organisationId: ctx?.orgId ?? null, actorUserId: claims.userId, action: "auth.signed_out", targetType: "session", targetId: claims.sessionId });
    });
  }
  const jar = await cookies();
  for (const c of jar.getAll()) {
    const name = SESSION_COOKIES.find((n) => c.name === n || c.name.startsWith(`${n}.`));
    if (!name) continue;
    // A __Secure- cookie is only replaced by a Secure Set-Cookie: match the attributes next-auth set.
    jar.set(c.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
