import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { TEST_PASSWORD } from "../fixtures/factory";
import { ACTION_SAMPLES } from "./support/action-samples";
import { apiSignIn, invokeAction, loadActions } from "./support/actions";
import { buildWorld, type World } from "./support/world";

// Random and malformed payloads sent straight to every server action by signed-in people of
// organisation A (and B, carrying A's ids): never a 500, always a clear answer, and a refused
// call leaves no trace in the organisation's data.

// Sign-out ends the session every later call uses, so it runs last.
const actions = loadActions()
  .filter((a) => !a.file.startsWith("app/(auth)/"))
  .sort((x, y) => Number(x.name === "endOtherSessionsAction") - Number(y.name === "endOtherSessionsAction"));

async function fingerprint(orgId: string): Promise<string> {
  const db = await getDb();
  const r = await db.execute(sql.raw(`select
    (select count(*) from cases where organisation_id = '${orgId}') || ':' ||
    (select count(*) from case_versions where organisation_id = '${orgId}') || ':' ||
    (select count(*) from case_comments where organisation_id = '${orgId}') || ':' ||
    (select count(*) from invitations where organisation_id = '${orgId}') || ':' ||
    (select count(*) from cohorts where organisation_id = '${orgId}') || ':' ||
    (select count(*) from memberships where organisation_id = '${orgId}') || ':' ||
    (select count(*) from module_requirements where organisation_id = '${orgId}') || ':' ||
    (select count(*) from reflections where organisation_id = '${orgId}') as h`));
  return ((Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as { h: string }[])[0].h;
}

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "\u0000", "🙂".repeat(500), "x".repeat(50_000), "00000000-0000-4000-8000-000000000000", "../../etc/passwd"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const payload = fc.oneof(junk, fc.array(junk, { maxLength: 3 }), fc.dictionary(fc.constantFrom("caseId", "id", "membershipId", "version", "content", "email", "role", "text", "moduleSlug", "x"), junk, { maxKeys: 6 }));

test.describe("fuzzed server-action input", () => {
  let world: World;
  const sessions = new Map<string, APIRequestContext>();

  test.beforeAll(async ({ playwright, baseURL }) => {
    world = await buildWorld();
    for (const [key, email] of [
      ["a.trainee", world.a.org.trainee.email],
      ["a.supervisor", world.a.org.supervisor.email],
      ["a.org_admin", world.a.org.admin.email],
      ["b.org_admin", world.b.org.admin.email],
    ] as const) {
      const ctx = await playwright.request.newContext({ baseURL });
      await apiSignIn(ctx, email, TEST_PASSWORD);
      sessions.set(key, ctx);
    }
  });
  test.afterAll(async () => {
    for (const s of sessions.values()) await s.dispose();
  });

  for (const action of actions) {
    test(`${action.file}#${action.name}`, async () => {
      const sample = ACTION_SAMPLES[`${action.file}#${action.name}`];
      expect(sample).toBeTruthy();
      for (const who of sessions.keys()) {
        await fc.assert(
          fc.asyncProperty(payload, async (p) => {
            const before = await fingerprint(world.a.org.orgId);
            const o = await invokeAction(sessions.get(who)!, action, sample.page, [p]);
            expect(o.status, `${who}: ${JSON.stringify(p).slice(0, 200)}`).toBeLessThan(500);
            if (o.result && o.result.ok === false) {
              expect(o.result.error?.length ?? 0, "a refusal says what to do").toBeGreaterThan(10);
              expect(await fingerprint(world.a.org.orgId), "a refused call wrote something").toBe(before);
            }
          }),
          { numRuns: 6, seed: 20261127 },
        );
      }
      // Bodies the framework can't decode get a plain 400, not a 500.
      for (const raw of ["{not json", "[" + "[".repeat(5000), "[".repeat(5000) + "]".repeat(5000), "[".repeat(100_000) + "]".repeat(100_000), '{"a":1}', '["$h1"]', '["$F1"]', '["$Q0"]', '["$K1"]']) {
        const o = await invokeAction(sessions.get("a.trainee")!, action, sample.page, [], raw);
        expect(o.status, raw.slice(0, 20)).toBe(400);
      }
    });
  }

  test("malformed multipart and oversized streamed bodies get 400 and 413, never 500", async ({ baseURL }) => {
    const action = actions.find((a) => a.name === "importCsvAction") ?? actions[0];
    const sample = ACTION_SAMPLES[`${action.file}#${action.name}`];
    const session = sessions.get("a.org_admin")!;
    const post = (headers: Record<string, string>, data: Buffer | string) =>
      session.post(sample.page, { headers: { "Next-Action": action.id, Accept: "text/x-component", ...headers }, data, maxRedirects: 0, failOnStatusCode: false });
    const body = '------real\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n------real--\r\n';
    expect((await post({ "Content-Type": "multipart/form-data; boundary=----other" }, body)).status()).toBe(400);
    expect((await post({ "Content-Type": "multipart/form-data" }, body)).status()).toBe(400);
    expect((await post({ "Content-Type": "multipart/form-data; boundary=----real" }, body)).status()).toBe(400);
    // Chunked (no Content-Length) and over the limit: counted as it streams.
    const big = Buffer.alloc(2.5 * 1024 * 1024, 0x61);
    const url = new URL(sample.page, baseURL).toString();
    const cookies = (await session.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const res = await fetch(url, {
      method: "POST",
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Cookie: cookies },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < big.length; i += 64 * 1024) controller.enqueue(big.subarray(i, i + 64 * 1024));
          controller.close();
        },
      }),
      // @ts-expect-error Node's fetch needs this for a streamed body
      duplex: "half",
    });
    expect(res.status).toBe(413);
  });
});
