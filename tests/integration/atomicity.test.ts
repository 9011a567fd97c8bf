import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organisations, users } from "@/db/schema";
import { signUp } from "@/lib/orgs/sign-up";
import { uid } from "../fixtures/factory";
import { driver, withDatabase } from "./helpers";

withDatabase();

// Fault injection: a trigger on the last insert of sign-up kills the database session (PostgreSQL)
// or aborts it (PGlite, which has one session only). The real sign-up code runs; afterwards
// neither the user nor the organisation may exist.

async function rows(q: ReturnType<typeof sql>) {
  const r = await (await getDb()).execute(q);
  return (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

afterEach(async () => {
  const db = await getDb();
  await db.execute(sql`drop trigger if exists rapport_fault on memberships`);
  await db.execute(sql`drop function if exists rapport_fault()`);
});

describe("a change cut off half-way leaves nothing behind", () => {
  it("sign-up killed at its last insert writes neither the user nor the organisation", async () => {
    const db = await getDb();
    const pg = (await driver()) === "postgres";
    const body = pg ? "perform pg_terminate_backend(pg_backend_pid()); return new;" : "raise exception 'injected fault'; return new;";
    await db.execute(sql.raw(`create function rapport_fault() returns trigger as $$ begin ${body} end; $$ language plpgsql`));
    await db.execute(sql.raw(`create trigger rapport_fault before insert on memberships for each row execute function rapport_fault()`));

    const email = `cut.${uid()}@test.example`;
    const orgName = `Cut Off ${uid()}`;
    await expect(signUp({ name: "Cut Off", email, password: "a long enough passphrase", organisationName: orgName })).rejects.toThrow();

    expect(await rows(sql`select id from ${users} where email = ${email}`)).toEqual([]);
    expect(await rows(sql`select id from ${organisations} where name = ${orgName}`)).toEqual([]);
    // The application recovers: the pool (or the embedded database) answers again.
    expect(await rows(sql`select 1 as ok`)).toEqual([{ ok: 1 }]);
  });
});
