import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditInput } from "@/lib/core/audit";

/** Many audit events in few statements (imports of thousands of rows stay fast). */
export async function auditMany(db: DbOrTx, events: AuditInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await db.insert(auditEvents).values(
      events.slice(i, i + 1000).map((e) => ({
        organisationId: e.organisationId ?? null,
        actorUserId: e.actorUserId ?? null,
        action: e.action,
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        outcome: e.outcome ?? "success",
        detail: e.detail ?? null,
      })),
    );
  }
}
