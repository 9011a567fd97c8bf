import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/reminders/route";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { createRequirement } from "@/lib/onboarding/requirements";
import { createOrg } from "../fixtures/factory";
import { curriculumModule } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const post = (auth?: string) => POST(new Request("http://rapport.test/api/reminders", { method: "POST", headers: auth ? { authorization: auth } : {} }));

afterEach(() => {
  delete process.env.REMINDERS_TOKEN;
});

describe("reminders route", () => {
  it("doesn't exist when REMINDERS_TOKEN is unset", async () => {
    delete process.env.REMINDERS_TOKEN;
    expect((await post("Bearer anything")).status).toBe(404);
    expect((await GET(new Request("http://rapport.test/api/reminders"))).status).toBe(404);
  });

  it("refuses a missing or wrong token and sends nothing", async () => {
    process.env.REMINDERS_TOKEN = "s3cret-scheduler-token-0123456789";
    const org = await createOrg("Route");
    await createRequirement(ctxOf(org, org.admin), { moduleId: (await curriculumModule(0)).id, role: "trainee", cohortId: null, dueOn: "2020-01-01", dueDays: null });
    expect((await post()).status).toBe(401);
    expect((await post("Bearer s3cret-scheduler-token-012345678")).status).toBe(401);
    expect((await post("Basic s3cret-scheduler-token-0123456789")).status).toBe(401);
    const db = await getDb();
    const n = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(and(eq(outbox.organisationId, org.orgId), sql`${outbox.kind} like 'reminder.%'`)))[0].n;
    expect(await n()).toBe(0);
    const ok = await post("Bearer s3cret-scheduler-token-0123456789");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok" });
    expect(await n()).toBe(2); // trainee and otherTrainee, one overdue module each
    const again = await post("Bearer s3cret-scheduler-token-0123456789");
    expect(await again.json()).toMatchObject({ queued: 0 });
    expect(await n()).toBe(2);
    expect((await GET(new Request("http://rapport.test/api/reminders"))).status).toBe(405);
  });
});
