import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { ConflictError } from "@/lib/core/errors";
import { addMember, createOrg, createUser, uid } from "../fixtures/factory";
import { changeRole, setMemberStatus } from "@/lib/orgs/members";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

// Two admins acting on the same member at the same moment, both holding version 0: exactly one
// change lands, the other is told the member changed; nothing is silently overwritten.

describe("two admins changing the same member at once", () => {
  it("one role change wins, the other gets a conflict", async () => {
    const org = await createOrg("RaceRole");
    const second = await createUser(`Second Admin ${uid()}`);
    const m2 = await addMember(org.orgId, second.id, "org_admin");
    const adminA = ctxOf(org, org.admin);
    const adminB = ctxOf(org, { userId: second.id, membershipId: m2.id, email: second.email, name: second.name, role: "org_admin" });
    const results = await Promise.allSettled([
      changeRole(adminA, { membershipId: org.trainee.membershipId, role: "supervisor", version: 0 }),
      changeRole(adminB, { membershipId: org.trainee.membershipId, role: "org_admin", version: 0 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    const [row] = await (await getDb()).select().from(memberships).where(eq(memberships.id, org.trainee.membershipId));
    expect(row.version).toBe(1);
    expect(row.role).toBe((won[0] as PromiseFulfilledResult<{ role: string }>).value.role);
  });

  it("a deactivation and a role change race: one wins, the other is refused", async () => {
    const org = await createOrg("RaceMixed");
    const second = await createUser(`Second Admin ${uid()}`);
    const m2 = await addMember(org.orgId, second.id, "org_admin");
    const adminB = ctxOf(org, { userId: second.id, membershipId: m2.id, email: second.email, name: second.name, role: "org_admin" });
    const results = await Promise.allSettled([
      setMemberStatus(ctxOf(org, org.admin), { membershipId: org.otherTrainee.membershipId, status: "deactivated", version: 0 }),
      changeRole(adminB, { membershipId: org.otherTrainee.membershipId, role: "supervisor", version: 0 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    const [row] = await (await getDb()).select().from(memberships).where(eq(memberships.id, org.otherTrainee.membershipId));
    expect(row.version).toBe(1);
  });
});
