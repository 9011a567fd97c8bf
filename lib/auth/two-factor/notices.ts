import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails, type Pending } from "@/lib/email/send";
import { securityNoticeEmail } from "@/lib/email/templates";
import { noticeOrgFor } from "./state";

// Every change to a person's sign-in factors is audited and emailed to them, inside the
// change's own transaction (the email exists only if the change commits).

export type FactorEvent =
  | "auth.factor_added"
  | "auth.factor_removed"
  | "auth.recovery_codes_regenerated"
  | "auth.recovery_code_used"
  | "auth.factors_reset";

const WHAT: Record<FactorEvent, (detail: Record<string, unknown>) => string> = {
  "auth.factor_added": (d) => `${d.kind === "passkey" ? `A passkey${d.name ? ` (“${d.name}”)` : ""}` : "An authenticator app"} was added to your Rapport account`,
  "auth.factor_removed": (d) => `${d.kind === "passkey" ? `A passkey${d.name ? ` (“${d.name}”)` : ""}` : "The authenticator app"} was removed from your Rapport account`,
  "auth.recovery_codes_regenerated": () => "New recovery codes were made for your Rapport account, and the old ones no longer work",
  "auth.recovery_code_used": (d) => `A recovery code was used to sign in to your Rapport account; ${d.left} remain`,
  "auth.factors_reset": () => "Two-step sign-in was reset on your Rapport account: your authenticator app, passkeys and recovery codes were removed",
};

export async function recordFactorChange(
  tx: DbOrTx,
  e: { userId: string; action: FactorEvent; actorUserId: string; organisationId?: string | null; detail?: Record<string, unknown>; byAdmin?: string | null },
): Promise<Pending | null> {
  const orgId = e.organisationId ?? (await noticeOrgFor(tx, e.userId));
  await audit(tx, { organisationId: orgId, actorUserId: e.actorUserId, action: e.action, targetType: "user", targetId: e.userId, detail: e.detail });
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, e.userId));
  if (!user || !orgId) return null;
  const mail = securityNoticeEmail({ name: user.name, what: WHAT[e.action](e.detail ?? {}), when: new Date(), byAdmin: e.byAdmin, url: `${appBaseUrl()}/reset-password` });
  return queueEmails(tx, [{ organisationId: orgId, to: user.email, subject: mail.subject, text: mail.text, kind: "security_notice" }]);
}
