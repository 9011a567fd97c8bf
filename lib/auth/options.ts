import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { revokeSession, startSession, ABSOLUTE_LIFETIME_MS } from "./sessions";
import { signIn } from "./sign-in";

// X-Forwarded-For is only trusted behind a proxy that sets it (TRUST_PROXY=1); otherwise anyone
// could rotate it to dodge the per-address limit, so address throttling is off.
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

export const SESSION_MAX_AGE = ABSOLUTE_LIFETIME_MS / 1000;

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await signIn({
          email: String(credentials?.email ?? ""),
          password: String(credentials?.password ?? ""),
          address: clientAddress(req?.headers as Record<string, unknown> | undefined),
        });
        // The error text travels to the sign-in form, which turns it into a message.
        if (!result.ok && result.reason === "wait") throw new Error(`throttled:${result.retryAfterSeconds}`);
        if (!result.ok && result.reason === "locked") throw new Error("locked");
        if (!result.ok) return null;
        const { user } = result;
        const ua = (req?.headers as Record<string, unknown> | undefined)?.["user-agent"];
        const sid = await startSession(await getDb(), user.id, typeof ua === "string" ? ua : null);
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub }, sv: token.sv, sid: token.sid };
    },
  },
  events: {
    // Sign-out ends the session on the server too, not just the cookie in this browser.
    async signOut({ token }) {
      if (token?.sid && typeof token.sid === "string") await revokeSession(await getDb(), token.sid);
    },
  },
};
