import "server-only";
import { headers } from "next/headers";

// X-Forwarded-For is only trusted behind a proxy that sets it (TRUST_PROXY=1); otherwise anyone
// could rotate it to dodge per-client limits. It is used for throttling and logging only, never
// to build a link (lib/email/base-url.ts).

export function addressFrom(get: (name: string) => string | null | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const first = get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = first || get("x-real-ip")?.trim() || null;
  // An address is short and plain; anything else is not an address worth keying on.
  return address && /^[0-9A-Fa-f.:]{2,45}$/.test(address) ? address : null;
}

/** The client's address in a server action or page, when a trusted proxy reports it. */
export async function requestAddress(): Promise<string | null> {
  try {
    const h = await headers();
    return addressFrom((n) => h.get(n));
  } catch {
    return null;
  }
}
