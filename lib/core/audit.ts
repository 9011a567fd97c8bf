import "server-only";
import { auditEvents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

export type AuditInput = {
  organisationId?: string | null;
  actorUserId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "denied" | "failure";
  detail?: Record<string, unknown>;
};

export async function audit(db: DbOrTx, e: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    organisationId: e.organisationId ?? null,
    actorUserId: e.actorUserId ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    outcome: e.outcome ?? "success",
    detail: e.detail ?? null,
  });
}
