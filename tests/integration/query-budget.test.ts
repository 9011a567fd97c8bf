import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { caseComments, cases, memberships } from "@/db/schema";
import { ROUTE_CALLS, type RouteInputs } from "@/scripts/bench/route-calls";
import { createBulkOrg, type BulkOrg } from "../fixtures/bulk";
import { withDatabase } from "./helpers";

// Query budgets for every benchmarked page: the data-layer calls each page makes (listed in
// scripts/bench/route-calls.ts, read from the page files) cost the same number of statements
// whether the organisation has 5 or 500 of everything (no N+1), and at most 8.

const BUDGET = 8;
withDatabase();

let small: BulkOrg;
let large: BulkOrg;
const inputs = (o: BulkOrg): RouteInputs => ({ trainee: o.trainee, supervisor: o.supervisor, admin: o.admin, caseId: o.caseId, moduleSlug: o.moduleSlug, lessonSlug: o.lessonSlug });

beforeAll(async () => {
  small = await createBulkOrg(5);
  large = await createBulkOrg(500);
}, 180_000);

describe("the bulk fixture", () => {
  it("really has 5 and 500 of each thing the pages list", async () => {
    const db = await getDb();
    for (const [o, n] of [[small, 5], [large, 500]] as const) {
      const [m] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.organisationId, o.orgId), eq(memberships.role, "trainee")));
      const [waiting] = await db.select({ n: count() }).from(cases).where(and(eq(cases.organisationId, o.orgId), eq(cases.status, "submitted")));
      const [comments] = await db.select({ n: count() }).from(caseComments).where(and(eq(caseComments.organisationId, o.orgId), eq(caseComments.caseId, o.caseId)));
      expect(m.n).toBe(n);
      expect(waiting.n).toBe(n + 1);
      expect(comments.n).toBe(n);
    }
  });
});

describe("query budget per page", () => {
  for (const call of ROUTE_CALLS) {
    it(`${call.route} (${call.page}): same statements for 5 and 500 rows, at most ${BUDGET}`, async () => {
      // Steady state: the curriculum cache (read once a minute per process) is already warm.
      await call.run(inputs(small));
      const a = await countQueries(() => call.run(inputs(small)));
      const b = await countQueries(() => call.run(inputs(large)));
      expect(a.count).toBeGreaterThan(0);
      const list = (s: string[]) => s.map((q, i) => `  ${i + 1}. ${q.replace(/\s+/g, " ").slice(0, 140)}`).join("\n");
      expect(b.count, `${call.route}: ${a.count} statements with 5 rows, ${b.count} with 500:\n${list(b.statements)}`).toBe(a.count);
      expect(b.count, `${call.route} issues ${b.count} statements (budget ${BUDGET}):\n${list(b.statements)}`).toBeLessThanOrEqual(BUDGET);
    });
  }
});
