import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reflections } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { zodFieldErrors } from "@/lib/core/zod-errors";
import { getModuleBySlug } from "./queries";
import { activeSupervisorsOf } from "@/lib/cases/supervisors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";
import { isReflectionComplete, reflectionContentSchema } from "./reflection-spec";
import { reflectionFlags, SHARED_REFLECTION_FLAGGED, SHARE_REFUSED_FLAGGED } from "./reflection-identifiers";
import { issueCertificates } from "./certificate-rule";

export async function getMyReflection(ctx: Ctx, moduleSlug: string) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(moduleSlug);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.organisationId, ctx.orgId), eq(reflections.membershipId, ctx.membershipId), eq(reflections.moduleId, mod.id)));
  return { module: mod, reflection: row ?? null };
}

const CHANGED_ELSEWHERE = "This reflection was saved from another tab or device. Reload to see the latest version; your text is kept below.";

/**
 * Saves a draft. `version` is what the client last saw; a mismatch means another tab or device
 * saved in between, and the client is told rather than silently overwriting it.
 *
 * Reflections get the identifier check that cases get (TAXONOMY.md section 6). A private draft
 * saves with its flags, which come back as a warning (`flags`: field -> what was found); a shared
 * reflection is on a supervisor's screen, so a save that would put a flagged detail there is
 * refused with the flags next to their fields, and the text stays in the person's browser.
 */
export async function saveReflection(ctx: Ctx, input: { moduleSlug: string; content: unknown; version: number }) {
  assertCan(ctx, "reflections.write");
  const mod = await getModuleBySlug(input.moduleSlug);
  const parsed = reflectionContentSchema(mod.reflection).safeParse(input.content);
  if (!parsed.success) throw new ValidationError("Check the highlighted answers.", zodFieldErrors(parsed.error));
  const content = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const db = await getDb();
  const saved = await writeReflection(ctx, mod.id, content, input.version);
  // Where the organisation's rules make the certificate wait for the reflection, finishing it may
  // be the step that completes the module.
  const certificate = isReflectionComplete(mod.reflection, content)
    ? ((await db.transaction((tx) => issueCertificates(tx, { orgId: ctx.orgId, moduleId: mod.id, membershipId: ctx.membershipId, actorUserId: ctx.userId })))[0] ?? null)
    : null;
  return { ...saved, certificateSerial: certificate?.serial ?? null };
}

async function writeReflection(ctx: Ctx, moduleId: string, content: Record<string, string>, version: number) {
  const flags = reflectionFlags(content);
  const flagged = Object.keys(flags).length > 0;
  const db = await getDb();
  if (version === 0) {
    const [created] = await db
      .insert(reflections)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, moduleId, content, version: 1 })
      .onConflictDoNothing()
      .returning({ version: reflections.version, updatedAt: reflections.updatedAt });
    if (created) return { ...created, flags };
    throw new ConflictError(CHANGED_ELSEWHERE);
  }
  const mine = and(eq(reflections.organisationId, ctx.orgId), eq(reflections.membershipId, ctx.membershipId), eq(reflections.moduleId, moduleId), eq(reflections.version, version));
  // Flagged text is written only while the reflection is private: the condition sits in the same
  // statement as the write, so a share in between can't let it through.
  const [updated] = await db
    .update(reflections)
    .set({ content, version: sql`${reflections.version} + 1`, updatedAt: new Date() })
    .where(flagged ? and(mine, isNull(reflections.sharedAt)) : mine)
    .returning({ version: reflections.version, updatedAt: reflections.updatedAt });
  if (updated) return { ...updated, flags };
  if (flagged) {
    const [row] = await db.select({ sharedAt: reflections.sharedAt }).from(reflections).where(mine);
    if (row?.sharedAt) throw new ValidationError(SHARED_REFLECTION_FLAGGED, flags);
  }
  throw new ConflictError(CHANGED_ELSEWHERE);
}

/** Shares with (or withdraws from) the caller's supervisors. Only the author can do either. */
export async function setReflectionShared(ctx: Ctx, input: { moduleSlug: string; shared: boolean }) {
  assertCan(ctx, "reflections.write");
  const mod = await getModuleBySlug(input.moduleSlug);
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const mine = and(eq(reflections.organisationId, ctx.orgId), eq(reflections.membershipId, ctx.membershipId), eq(reflections.moduleId, mod.id));
    let version: number | undefined;
    if (input.shared) {
      // Sharing puts the text in front of supervisors: it is refused while the identifier check flags anything.
      const [current] = await tx.select({ content: reflections.content, version: reflections.version }).from(reflections).where(mine);
      if (!current) throw new ValidationError("Write something in your reflection before sharing it.");
      const flags = reflectionFlags(current.content);
      if (Object.keys(flags).length > 0) throw new ValidationError(SHARE_REFUSED_FLAGGED, flags);
      version = current.version;
    }
    // the version checked above is the one shared: a save in between makes this a conflict
    const [row] = await tx
      .update(reflections)
      .set({ sharedAt: input.shared ? new Date() : null })
      .where(version === undefined ? mine : and(mine, eq(reflections.version, version)))
      .returning({ id: reflections.id, sharedAt: reflections.sharedAt });
    if (!row && input.shared) throw new ConflictError("Your reflection changed while it was being shared. Try sharing it again.");
    if (!row) throw new ValidationError("Write something in your reflection before sharing it.");
    await auditAs(tx, ctx, {
      action: input.shared ? "reflection.shared" : "reflection.unshared",
      targetType: "reflection",
      targetId: row.id,
    });
    if (input.shared) {
      const supervisors = await activeSupervisorsOf(tx, ctx.orgId, ctx.membershipId);
      pending = await notify(
        tx,
        supervisors.map((s) => ({
          organisationId: ctx.orgId,
          recipientMembershipId: s.membershipId,
          kind: "reflection_shared" as const,
          title: `${ctx.userName} shared their reflection on “${mod.title}” with you.`,
          href: `/trainees/${ctx.membershipId}`,
          actorUserId: ctx.userId,
          subjectType: "reflection",
          subjectId: row.id,
          dedupeKey: row.sharedAt?.toISOString(),
        })),
      );
    }
    return row;
  });
  deliverLater(pending);
  return done;
}
