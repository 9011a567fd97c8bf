import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { certificates, moduleActivity, modules, type Certificate, type ReflectionSpec, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { can } from "@/lib/core/permissions";
import { assertCan, type Ctx } from "@/lib/core/context";
import type { AssessmentSettings } from "./assessment/settings";
import { effectiveSettings, settingsForOrg } from "./assessment-rules";
import { isReflectionComplete } from "./reflection-spec";
import { newSerial } from "@/lib/util/serial";

// When a certificate is issued: every current lesson done, the check passed, and, where the
// organisation's rules for the module require it, the reflection written in full. The
// reflection only counts for people who can write one (an org_admin cannot).

export function reflectionCounts(settings: Pick<AssessmentSettings, "requireReflection">, role: Role): boolean {
  return settings.requireReflection && can(role, "reflections.write");
}

export type CertificateProgress = {
  lessonsLeft: number;
  passed: boolean;
  reflectionRequired: boolean;
  reflectionDone: boolean;
  certificate: Pick<Certificate, "serial" | "issuedAt"> | null;
};

type Member = { orgId: string; membershipId: string; role: Role };

/** For the catalogue: whether each module's certificate also waits for the caller's reflection (two queries). */
export async function listCertificateRules(ctx: Ctx): Promise<{ reflectionRequired: (moduleId: string) => boolean }> {
  assertCan(ctx, "modules.study");
  const settings = await settingsForOrg(await getDb(), ctx.orgId);
  return { reflectionRequired: (moduleId) => reflectionCounts(settings.of(moduleId), ctx.role) };
}

/** What one person has done towards one module's certificate, and what is left (one query). */
export async function certificateProgress(db: DbOrTx, who: Member, mod: { id: string; reflection: ReflectionSpec }, settings: AssessmentSettings): Promise<CertificateProgress> {
  const [row] = rowsOf<{ lessons_left: number; passed: boolean; content: Record<string, string> | null; serial: string | null; issued_at: string | Date | null }>(
    await db.execute(sql`
      select
        (select count(*)::int from lessons l where l.module_id = ${mod.id} and l.retired_at is null
          and not exists (select 1 from lesson_progress p where p.organisation_id = ${who.orgId} and p.membership_id = ${who.membershipId} and p.lesson_id = l.id)) as lessons_left,
        exists (select 1 from check_attempts a where a.organisation_id = ${who.orgId} and a.membership_id = ${who.membershipId} and a.module_id = ${mod.id} and a.passed) as passed,
        (select r.content from reflections r where r.organisation_id = ${who.orgId} and r.membership_id = ${who.membershipId} and r.module_id = ${mod.id}) as content,
        c.serial, c.issued_at
      from (select 1) as one
      left join certificates c on c.organisation_id = ${who.orgId} and c.membership_id = ${who.membershipId} and c.module_id = ${mod.id}`),
  );
  const content = typeof row.content === "string" ? (JSON.parse(row.content) as Record<string, string>) : row.content;
  return {
    lessonsLeft: Number(row.lessons_left),
    passed: Boolean(row.passed),
    reflectionRequired: reflectionCounts(settings, who.role),
    reflectionDone: isReflectionComplete(mod.reflection, content),
    certificate: row.serial ? { serial: row.serial, issuedAt: new Date(row.issued_at!) } : null,
  };
}

export function certificateDue(p: CertificateProgress): boolean {
  return !p.certificate && p.lessonsLeft === 0 && p.passed && (!p.reflectionRequired || p.reflectionDone);
}

/**
 * Issues the certificate of one module to everyone in the organisation who now meets its rule
 * (or to one member), inside the caller's transaction. The unique key makes it at most once per
 * person and module, whatever runs at the same time.
 */
export async function issueCertificates(
  tx: Tx,
  opts: { orgId: string; moduleId: string; membershipId?: string; actorUserId: string; settings?: AssessmentSettings },
): Promise<Certificate[]> {
  const [mod] = await tx.select({ id: modules.id, title: modules.title, version: modules.version, reflection: modules.reflection }).from(modules).where(eq(modules.id, opts.moduleId));
  if (!mod) return [];
  const settings = opts.settings ?? (await effectiveSettings(tx, opts.orgId, mod.id));
  const candidates = rowsOf<{ membership_id: string; role: Role; name: string; content: Record<string, string> | string | null }>(
    await tx.execute(sql`
      select m.id as membership_id, m.role, u.name, r.content
      from memberships m
      join users u on u.id = m.user_id
      left join reflections r on r.organisation_id = m.organisation_id and r.membership_id = m.id and r.module_id = ${mod.id}
      where m.organisation_id = ${opts.orgId} and m.status = 'active'
        ${opts.membershipId ? sql`and m.id = ${opts.membershipId}` : sql``}
        and exists (select 1 from check_attempts a where a.organisation_id = m.organisation_id and a.membership_id = m.id and a.module_id = ${mod.id} and a.passed)
        and not exists (select 1 from certificates c where c.organisation_id = m.organisation_id and c.membership_id = m.id and c.module_id = ${mod.id})
        and not exists (select 1 from lessons l where l.module_id = ${mod.id} and l.retired_at is null
          and not exists (select 1 from lesson_progress p where p.organisation_id = m.organisation_id and p.membership_id = m.id and p.lesson_id = l.id))`),
  );
  const due = candidates.filter((c) => {
    if (!reflectionCounts(settings, c.role)) return true;
    const content = typeof c.content === "string" ? (JSON.parse(c.content) as Record<string, string>) : c.content;
    return isReflectionComplete(mod.reflection, content);
  });
  if (due.length === 0) return [];
  const issued = await tx
    .insert(certificates)
    .values(
      due.map((c) => ({
        serial: newSerial(),
        organisationId: opts.orgId,
        membershipId: c.membership_id,
        moduleId: mod.id,
        moduleVersion: mod.version,
        recipientName: c.name,
        moduleTitle: mod.title,
        // The organisation's settings as they are now, kept with the certificate (lib/certificates/records.ts).
        organisationName: sql`(select name from organisations where id = ${opts.orgId})`,
        signatoryName: sql`(select signatory_name from organisations where id = ${opts.orgId})`,
        signatoryTitle: sql`(select signatory_title from organisations where id = ${opts.orgId})`,
        cpdMinutes: sql`(select minutes from module_cpd_hours where organisation_id = ${opts.orgId} and module_id = ${mod.id})`,
      })),
    )
    .onConflictDoNothing()
    .returning();
  if (issued.length === 0) return [];
  await tx
    .update(moduleActivity)
    .set({ completedAt: new Date() })
    .where(and(eq(moduleActivity.organisationId, opts.orgId), eq(moduleActivity.moduleId, mod.id), inArray(moduleActivity.membershipId, issued.map((c) => c.membershipId))));
  for (const cert of issued) {
    await audit(tx, {
      organisationId: opts.orgId,
      actorUserId: opts.actorUserId,
      action: "certificate.issued",
      targetType: "certificate",
      targetId: cert.serial,
      detail: { module: mod.title, ...(opts.membershipId ? {} : { membershipId: cert.membershipId, reason: "assessment settings changed" }) },
    });
  }
  return issued;
}
