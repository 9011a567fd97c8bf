// The public origin for every link Rapport puts in an email or a certificate. It comes from
// configuration only, never from a request header: a forged Host or X-Forwarded-Host would
// otherwise make a genuine reset or invitation email point at an attacker's site.

type Env = Record<string, string | undefined>;

/** APP_URL (or AUTH_URL / NEXTAUTH_URL), as an origin with any path, or null when unset or unusable. */
export function configuredOrigin(env: Env = process.env): string | null {
  const raw = env.APP_URL || env.AUTH_URL || env.NEXTAUTH_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** The public address for links: the configured APP_URL, else this machine on its own port. */
export function appBaseUrl(env: Env = process.env): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const port = /^\d{1,5}$/.test(env.PORT ?? "") ? env.PORT : "3000";
  return `http://localhost:${port}`;
}

/**
 * Why the server must not start, or null. A production deployment on a real database serves
 * people on other machines, where a localhost link is useless: APP_URL is required there.
 */
export function originProblem(env: Env = process.env): string | null {
  const raw = env.APP_URL || env.AUTH_URL || env.NEXTAUTH_URL;
  if (raw && !configuredOrigin(env)) return `APP_URL is not a usable address (${JSON.stringify(raw.slice(0, 100))}). Set it to the public origin, e.g. https://rapport.example.org`;
  if (!raw && env.DATABASE_URL && env.NODE_ENV === "production")
    return "APP_URL is required with DATABASE_URL in production: it is the public address used in email links (e.g. https://rapport.example.org).";
  return null;
}
