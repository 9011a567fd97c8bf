import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lessons, modules } from "@/db/schema";
import { loadCurriculum, type ModuleSource } from "./content";
import { forgetCurriculum } from "./curriculum-cache";

export type SyncReport = { created: string[]; updated: string[]; unchanged: string[]; retired: string[] };

/**
 * Upserts the curriculum by slug. Idempotent: unchanged content writes nothing. A new version
 * updates rows in place (ids stay, so progress stays); removed lessons and modules are retired.
 */
export async function syncContent(db: Db, source: ModuleSource[] = loadCurriculum()): Promise<SyncReport> {
  const report: SyncReport = { created: [], updated: [], unchanged: [], retired: [] };
  await db.transaction(async (tx) => {
    // One sync at a time when several app instances start together.
    await tx.execute(sql`select pg_advisory_xact_lock(72734001)`);
    const existing = await tx.select().from(modules);
    const bySlug = new Map(existing.map((m) => [m.slug, m]));
    for (const src of source) {
      const current = bySlug.get(src.slug);
      if (current && current.contentHash === src.contentHash && !current.retiredAt) {
        report.unchanged.push(src.slug);
        continue;
      }
      if (current && current.version > src.version) {
        throw new Error(`content/modules/${src.slug}: version ${src.version} is older than the stored version ${current.version}`);
      }
      const values = {
        slug: src.slug,
        title: src.title,
        summary: src.summary,
        position: src.order,
        version: src.version,
        contentHash: src.contentHash,
        outcomes: src.outcomes,
        reflection: src.reflection,
        references: src.references,
        knowledgeCheck: src.check,
        retiredAt: null,
        updatedAt: new Date(),
      };
      const [row] = current
        ? await tx.update(modules).set(values).where(eq(modules.id, current.id)).returning()
        : await tx.insert(modules).values(values).returning();
      (current ? report.updated : report.created).push(src.slug);
      for (const l of src.lessons) {
        await tx
          .insert(lessons)
          .values({ moduleId: row.id, slug: l.slug, title: l.title, position: l.position, body: l.body, wordCount: l.wordCount })
          .onConflictDoUpdate({
            target: [lessons.moduleId, lessons.slug],
            set: { title: l.title, position: l.position, body: l.body, wordCount: l.wordCount, retiredAt: null, updatedAt: new Date() },
          });
      }
      await tx
        .update(lessons)
        .set({ retiredAt: new Date() })
        .where(and(eq(lessons.moduleId, row.id), isNull(lessons.retiredAt), notInArray(lessons.slug, src.lessons.map((l) => l.slug))));
    }
    const gone = existing.filter((m) => !m.retiredAt && !source.some((s) => s.slug === m.slug)).map((m) => m.id);
    if (gone.length) {
      const retired = await tx.update(modules).set({ retiredAt: new Date() }).where(inArray(modules.id, gone)).returning({ slug: modules.slug });
      report.retired.push(...retired.map((r) => r.slug));
    }
  });
  forgetCurriculum();
  return report;
}
