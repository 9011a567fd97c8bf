import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { revokeSession, startSession, ABSOLUTE_LIFETIME_MS } from "@/lib/core/sessions";
import { addressFrom } from "./client-address";
import { deviceFromCookieHeader } from "./device";
import { safeCallback } from "@/lib/util/safe-redirect";
import { signIn } from "./sign-in";
import { pendingStepAfterPassword } from "./two-factor/state";
import { verifyPasskeySignIn } from "./passkeys/ceremonies";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  return addressFrom((name) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : null;
  });
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
        const address = clientAddress(req?.headers as Record<string, unknown> | undefined);
        const result = await signIn({
          email: String(credentials?.email ?? ""),
          password: String(credentials?.password ?? ""),
          address,
          device: deviceFromCookieHeader((req?.headers as Record<string, unknown> | undefined)?.cookie as string | undefined),
        });
        // The error text travels to the sign-in form, which turns it into a message.
        if (!result.ok && result.reason === "wait") throw new Error(`throttled:${result.retryAfterSeconds}`);
        if (!result.ok && result.reason === "sso_required") throw new Error("sso_required");
        if (!result.ok) return null;
        const { user } = result;
        const ua = (req?.headers as Record<string, unknown> | undefined)?.["user-agent"];
        const db = await getDb();
        // A right password alone opens nothing for someone with a second factor, or someone whose
        // organisation requires one: the session starts owing that step (lib/core/context.ts).
        const factorPending = await pendingStepAfterPassword(db, user.id);
        const sid = await startSession(db, user.id, typeof ua === "string" ? ua : null, { method: "password", address, factorPending });
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid };
      },
    }),
    // A passkey alone (user verification required), where every organisation of the person allows it.
    CredentialsProvider({
      id: "passkey",
      name: "Passkey",
      credentials: { token: { type: "text" }, response: { type: "text" } },
      async authorize(credentials, req) {
        const headers = req?.headers as Record<string, unknown> | undefined;
        const address = clientAddress(headers);
        let response: unknown;
        try {
          response = JSON.parse(String(credentials?.response ?? ""));
        } catch {
          return null;
        }
        if (!response || typeof response !== "object") return null;
        const result = await verifyPasskeySignIn({ token: String(credentials?.token ?? ""), response: response as AuthenticationResponseJSON }, address);
        if (!result.ok && result.reason === "not_allowed") throw new Error("passkey_not_allowed");
        if (!result.ok) return null;
        const { user } = result;
        const ua = headers?.["user-agent"];
        const sid = await startSession(await getDb(), user.id, typeof ua === "string" ? ua : null, { method: "passkey", address });
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid };
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes stays on this site (lib/safe-redirect.ts decides).
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallback(path, "/home")}`;
    },
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
