import "server-only";
import { headers } from "next/headers";

/** The public address for links in emails: APP_URL (or AUTH_URL) when set, else the current request's host. */
export async function appBaseUrl(): Promise<string> {
  const configured = process.env.APP_URL || process.env.AUTH_URL || process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") || h.get("host");
    const proto = h.get("x-forwarded-proto") || "http";
    if (host && /^[A-Za-z0-9.:[\]-]+$/.test(host)) return `${proto === "https" ? "https" : "http"}://${host}`;
  } catch {
    /* outside a request (scripts): fall through */
  }
  return "http://localhost:3000";
}
