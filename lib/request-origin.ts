import "server-only";
import { headers } from "next/headers";

/** The public origin for links in documents: RAPPORT_PUBLIC_URL, else the request's host. */
export async function publicOrigin(): Promise<string> {
  if (process.env.RAPPORT_PUBLIC_URL) return process.env.RAPPORT_PUBLIC_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
