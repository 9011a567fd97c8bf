import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";
import { pendingMigrations } from "@/db/migrator";
import { publicRoute } from "@/lib/core/route";

export const dynamic = "force-dynamic";

// Public and cheap: says whether the database answers and the schema is current, nothing more.
export const GET = publicRoute(async () => {
  try {
    const { db } = await getHandle();
    await db.execute(sql`select 1`);
    const pending = await pendingMigrations(db);
    if (pending > 0) return Response.json({ status: "degraded", database: "reachable", migrations: "pending" }, { status: 503 });
    return Response.json({ status: "ok", database: "reachable", migrations: "applied" });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
});
