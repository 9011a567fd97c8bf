import { assertLocal } from "./procs";

// Signs in the way the browser does, through next-auth's credentials endpoint, and returns the
// Cookie header to send with every benchmark request.

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  assertLocal(base);
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/home` }),
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}): ${(await res.text()).slice(0, 300)}`);
  return session;
}

/** Fetches a page as a signed-in person; fails loudly on a redirect or error so a broken route is never "fast". */
export async function getPage(url: string, cookie?: string): Promise<string> {
  assertLocal(url);
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}${res.headers.get("location") ? ` -> ${res.headers.get("location")}` : ""}`);
  return body;
}
