import { afterAll, beforeAll } from "vitest";
import { closeDb, getHandle } from "@/db/client";
import { applyMigrations } from "@/db/migrator";
import type { Ctx } from "@/lib/core/context";
import type { TestOrg, TestUser } from "../fixtures/factory";

/** Migrates once per file and closes the client afterwards (releases the PGlite lock). */
export function withDatabase() {
  beforeAll(async () => {
    await applyMigrations();
  });
  afterAll(async () => {
    await closeDb();
  });
}

export async function driver() {
  return (await getHandle()).driver;
}

export function ctxOf(org: TestOrg, person: TestUser): Ctx {
  return {
    userId: person.userId,
    orgId: org.orgId,
    role: person.role,
    membershipId: person.membershipId,
    userName: person.name,
    userEmail: person.email,
    orgName: org.name,
  };
}
