import { describe, expect, it } from "vitest";
import { countQueries } from "@/db/query-count";
import { listMembers } from "@/lib/orgs/members";
import { listCatalogue } from "@/lib/modules/queries";
import { createOrg } from "../fixtures/factory";
import { ctxOf, useDatabase } from "./helpers";

useDatabase();

describe("query counting", () => {
  it("counts the statements a data-layer call issues, and only inside the scope", async () => {
    const org = await createOrg("Count");
    const { count, result } = await countQueries(() => listCatalogue(ctxOf(org, org.trainee)));
    expect(result.length).toBeGreaterThanOrEqual(6);
    expect(count).toBe(4);
    const outside = await countQueries(async () => 0);
    expect(outside.count).toBe(0);
    expect((await countQueries(() => listMembers(ctxOf(org, org.admin)))).count).toBe(1);
  });
});
