import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { isUuid } from "@/lib/util/uuid";
import { revokeSession } from "@/lib/core/sessions";
import { readSessionClaims, SESSION_COOKIES } from "@/lib/core/session-token";

// Sign-out without next-auth's client library: a plain form post to a server action (so the
// shell ships no sign-out JavaScript and works before hydration). The server-side session row is
// revoked first, so a copied cookie is dead even if the browser keeps it.

export async function endCurrentSession(): Promise<void> {
  const claims = await readSessionClaims();
  if (claims && isUuid(claims.sessionId) && isUuid(claims.userId)) await revokeSession(await getDb(), claims.sessionId, claims.userId);
  const jar = await cookies();
  for (const c of jar.getAll()) {
    const name = SESSION_COOKIES.find((n) => c.name === n || c.name.startsWith(`${n}.`));
    if (!name) continue;
    // A __Secure- cookie is only replaced by a Secure Set-Cookie: match the attributes next-auth set.
    jar.set(c.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
