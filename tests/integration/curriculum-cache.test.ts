import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { lessons, modules } from "@/db/schema";
import { loadCurriculum } from "@/lib/modules/content";
import { curriculum, forgetCurriculum, REFRESH_MS } from "@/lib/modules/curriculum-cache";
import { getModuleBySlug } from "@/lib/modules/queries";
import { syncContent } from "@/lib/modules/sync";
import { withDatabase } from "./helpers";

// The curriculum is read from PostgreSQL at most once per REFRESH_MS per process, and at once
// after a sync in this process; it never serves retired modules or lessons.

withDatabase();

describe("curriculum cache", () => {
  it("reads the curriculum once, then serves it from memory until it is refreshed", async () => {
    const db = await getDb();
    await syncContent(db);
    const first = await countQueries(() => curriculum(db));
    expect(first.count).toBe(2);
    const again = await countQueries(() => curriculum(db));
    expect(again.count).toBe(0);
    expect(again.result).toBe(first.result);
    const later = await countQueries(() => curriculum(db, Date.now() + REFRESH_MS + 1));
    expect(later.count).toBe(2);
  });

  it("holds every live module with its lessons in order, bodies kept apart from the lesson lists", async () => {
    const db = await getDb();
    const source = loadCurriculum();
    expect(source).toHaveLength(10);
    const cur = await curriculum(db);
    expect(cur.bySlug.size).toBe(10);
    expect([...cur.bySlug.keys()].sort()).toEqual(source.map((m) => m.slug).sort());
    for (const src of source) {
      const mod = cur.bySlug.get(src.slug)!;
      expect(mod.lessons.map((l) => l.slug)).toEqual(src.lessons.map((l) => l.slug));
      expect(mod.lessons.every((l) => !("body" in l))).toBe(true);
      expect(cur.lessonsById.get(mod.lessons[0].id)?.body.length).toBeGreaterThan(100);
    }
  });

  it("a sync in this process is seen at once, including a retired module", async () => {
    const db = await getDb();
    const source = loadCurriculum();
    const [first] = source;
    await getModuleBySlug(first.slug); // warm
    const revised = source.map((m) =>
      m.slug === first.slug ? { ...m, version: m.version + 100, contentHash: `${m.contentHash}-cache`, lessons: m.lessons.map((l, i) => (i === 0 ? { ...l, title: `${l.title} (cache test)` } : l)) } : m,
    );
    await syncContent(db, revised);
    expect((await getModuleBySlug(first.slug)).lessons[0].title).toMatch(/\(cache test\)$/);

    await syncContent(db, revised.filter((m) => m.slug !== first.slug));
    await expect(getModuleBySlug(first.slug)).rejects.toThrow();

    // Put the module back as it was for any later test in this file.
    await db.update(modules).set({ version: first.version, contentHash: "reset" }).where(eq(modules.slug, first.slug));
    await syncContent(db);
    expect((await getModuleBySlug(first.slug)).lessons[0].title).toBe(first.lessons[0].title);
  });

  it("a change made elsewhere shows once the cache is refreshed", async () => {
    const db = await getDb();
    const [first] = loadCurriculum();
    const mod = await getModuleBySlug(first.slug);
    // Another process (simulated by writing directly) changes a title; this process still has the old one.
    await db.update(lessons).set({ title: "Changed elsewhere" }).where(eq(lessons.id, mod.lessons[0].id));
    expect((await getModuleBySlug(first.slug)).lessons[0].title).toBe(first.lessons[0].title);
    forgetCurriculum();
    expect((await getModuleBySlug(first.slug)).lessons[0].title).toBe("Changed elsewhere");
    await db.update(modules).set({ contentHash: "reset" }).where(eq(modules.slug, first.slug));
    await syncContent(db);
  });
});
