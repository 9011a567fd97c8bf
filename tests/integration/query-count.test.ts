import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { syncContent } from "@/lib/modules/sync";
import { listMembers } from "@/lib/orgs/members";
import { listCatalogue } from "@/lib/modules/queries";
import { createOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("query counting", () => {
  it("counts the statements a data-layer call issues, and only inside the scope", async () => {
    await syncContent(await getDb());
    const org = await createOrg("Count");
    const { count, result } = await countQueries(() => listCatalogue(ctxOf(org, org.trainee)));
    expect(result.length).toBeGreaterThanOrEqual(10);
    expect(count).toBe(4);
    const outside = await countQueries(async () => 0);
    expect(outside.count).toBe(0);
    const members = await countQueries(() => listMembers(ctxOf(org, org.admin)));
    expect(members.result.rows).toHaveLength(5);
    expect(members.count).toBeLessThanOrEqual(2);
  });
});
