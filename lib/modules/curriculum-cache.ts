import { asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lessons, modules } from "@/db/schema";

// The curriculum (modules and their lessons) is written only by the content sync, which runs at
// migrate/start time, yet every lesson, module and check page reads it. It is read here in two
// flat queries and kept per database handle: a sync in this process clears it at once, and a
// sync by another process (a second instance, `npm run db:seed`) is picked up within REFRESH_MS.
// Nothing a person does is cached here, so instances still share nothing but PostgreSQL.

export const REFRESH_MS = 60_000;

export type LessonRow = typeof lessons.$inferSelect;
export type LessonMeta = Omit<LessonRow, "body">;
export type CurriculumModule = typeof modules.$inferSelect & { lessons: LessonMeta[] };
export type Curriculum = { bySlug: Map<string, CurriculumModule>; byId: Map<string, CurriculumModule>; lessonsById: Map<string, LessonRow> };

type Entry = { loadedAt: number; value: Promise<Curriculum> };
let entries = new WeakMap<Db, Entry>();

async function load(db: Db): Promise<Curriculum> {
  const [mods, rows] = await Promise.all([
    db.select().from(modules).where(isNull(modules.retiredAt)).orderBy(asc(modules.position)),
    db.select().from(lessons).where(isNull(lessons.retiredAt)).orderBy(asc(lessons.moduleId), asc(lessons.position)),
  ]);
  const bySlug = new Map<string, CurriculumModule>();
  const byId = new Map<string, CurriculumModule>();
  for (const m of mods) {
    const entry: CurriculumModule = { ...m, lessons: [] };
    bySlug.set(m.slug, entry);
    byId.set(m.id, entry);
  }
  const lessonsById = new Map<string, LessonRow>();
  for (const l of rows) {
    const mod = byId.get(l.moduleId);
    if (!mod) continue; // a lesson of a retired module
    const { body: _body, ...meta } = l;
    mod.lessons.push(meta);
    lessonsById.set(l.id, l);
  }
  return { bySlug, byId, lessonsById };
}

/** The live curriculum, from memory when it was read less than REFRESH_MS ago. */
export function curriculum(db: Db, now = Date.now()): Promise<Curriculum> {
  const hit = entries.get(db);
  if (hit && now - hit.loadedAt < REFRESH_MS) return hit.value;
  const value = load(db);
  entries.set(db, { loadedAt: now, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(db)?.value === value) entries.delete(db);
  });
  return value;
}

/** Called by the content sync once its transaction has committed (whichever handle it used). */
export function forgetCurriculum(): void {
  entries = new WeakMap();
}
