import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Role } from "@/db/schema";
import { POLICY, type PolicyRow } from "@/lib/security/policy";
import { URLS } from "./support/urls";
import { buildWorld, disposeSessions, openSessions, ROLES, type OrgWorld, type World } from "./support/world";

// Exercises every page and route-handler row of lib/security/policy.ts against the running
// server: each role of organisation A on A's resource (allowed rows work, denied rows are
// not-found), each role of organisation B on A's resource (not-found), and a visitor.

type Seen = { status: number; location: string; body: string };

async function fetchAs(request: APIRequestContext, url: string): Promise<Seen> {
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const type = res.headers()["content-type"] ?? "";
  return { status: res.status(), location: res.headers()["location"] ?? "", body: type.includes("pdf") ? "" : await res.text() };
}

function expectAllowed(seen: Seen, label: string) {
  // The sign-in page itself (/login?callbackUrl=...), not pages under it such as /login/sso.
  const toSignIn = seen.status >= 300 && seen.status < 400 && /(^|\/\/[^/]+)\/login(\?|$)/.test(seen.location);
  expect(toSignIn, `${label}: sent to sign-in`).toBe(false);
  expect([200, 303, 307, 308], `${label}: status ${seen.status}`).toContain(seen.status);
}

/** Not-found; for outsiders, with nothing of organisation A on the page. */
function expectDenied(seen: Seen, label: string, a: OrgWorld, outsider = true) {
  expect(seen.status, `${label}: should be not-found`).toBe(404);
  if (!outsider) return;
  for (const secret of [a.org.trainee.name, a.org.name]) expect(seen.body.includes(secret), `${label}: leaks "${secret}"`).toBe(false);
}

const rows = POLICY.filter((r): r is PolicyRow => r.kind !== "action");

test.describe("permission matrix: pages and route handlers", () => {
  let world: World;
  let sessions = new Map<string, APIRequestContext>();

  test.beforeAll(async ({ playwright, baseURL }) => {
    world = await buildWorld();
    sessions = await openSessions(playwright, baseURL, world);
  });
  test.afterAll(() => disposeSessions(sessions));

  test("every page and route handler has a sample URL here", () => {
    expect(rows.filter((r) => !URLS[r.target]).map((r) => r.target)).toEqual([]);
  });

  for (const row of rows) {
    test(`${row.kind} ${row.target}`, async () => {
      const urlFor = URLS[row.target];
      expect(urlFor, `no sample URL for ${row.target}`).toBeTruthy();
      const url = urlFor(world, world.a);

      const anon = await fetchAs(sessions.get("anonymous")!, url);
      if (row.anonymous === "public") expectAllowed(anon, `visitor ${url}`);
      else if (row.anonymous === "sign_in") {
        expect(anon.status, `visitor ${url}`).toBeGreaterThanOrEqual(300);
        expect(anon.location, `visitor ${url}`).toContain("/login");
      } else expectDenied(anon, `visitor ${url}`, world.a);

      for (const role of ROLES) {
        const own = await fetchAs(sessions.get(`a.${role}`)!, url);
        const label = `A ${role} ${url}`;
        if (row.roles[role as Role] === "allow") expectAllowed(own, label);
        else expectDenied(own, label, world.a, false);

        const other = await fetchAs(sessions.get(`b.${role}`)!, url);
        const otherLabel = `B ${role} ${url}`;
        if (row.crossOrg === "deny") expectDenied(other, otherLabel, world.a);
        else if (row.crossOrg === "own_only") {
          // Same URL, their own organisation: never anything of A's.
          for (const secret of [world.a.org.trainee.name, world.a.org.name]) expect(other.body.includes(secret), `${otherLabel} leaks "${secret}"`).toBe(false);
        } else expectAllowed(other, otherLabel);
      }
    });
  }
});
