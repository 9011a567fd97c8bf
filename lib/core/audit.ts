import "server-only";
import { auditEvents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { AuditAction } from "./audit-actions";
import type { Ctx } from "./context";

export type { AuditAction };

export type AuditInput = {
  organisationId?: string | null;
  actorUserId?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "denied" | "failure";
  detail?: Record<string, unknown>;
};

/** Writes one audit row; pass the mutation's transaction so the row and the change commit together. */
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

export type AuditEvent = Omit<AuditInput, "organisationId" | "actorUserId">;

/** The caller did it, in their current organisation: the actor comes from the context, never from input. */
export function auditAs(db: DbOrTx, ctx: Pick<Ctx, "orgId" | "userId">, e: AuditEvent): Promise<void> {
  return audit(db, { ...e, organisationId: ctx.orgId, actorUserId: ctx.userId });
}

/** The same event shape for batch writers (auditMany). */
export function actorEvent(ctx: Pick<Ctx, "orgId" | "userId">, e: AuditEvent): AuditInput {
  return { ...e, organisationId: ctx.orgId, actorUserId: ctx.userId };
}

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
