import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, memberProfiles, modules } from "@/db/schema";
import type { Ctx } from "@/lib/auth/context";
import { moduleStatus, type ModuleStatus } from "./due";
import { progressFor, progressKey } from "./progress";
import { listMyRequirements } from "./requirements";

export type ChecklistItem =
  | { kind: "profile"; done: boolean; href: string; label: string }
  | { kind: "module"; done: boolean; href: string; label: string; dueAt: Date | null; status: ModuleStatus }
  | { kind: "first_case"; done: boolean; href: string; label: string };

export type Checklist = { items: ChecklistItem[]; done: number; total: number; complete: boolean };

/** The caller's onboarding checklist: their profile, their required modules, and (trainees) a first case log. */
export async function getChecklist(ctx: Ctx, now = new Date()): Promise<Checklist> {
  const db = await getDb();
  const items: ChecklistItem[] = [];
  const [profile] = await db
    .select({ at: memberProfiles.completedAt })
    .from(memberProfiles)
    .where(and(eq(memberProfiles.organisationId, ctx.orgId), eq(memberProfiles.membershipId, ctx.membershipId)));
  items.push({ kind: "profile", done: Boolean(profile), href: "/onboarding#profile", label: "Complete your profile" });

  const required = await listMyRequirements(ctx);
  if (required.length) {
    const ids = required.map((r) => r.moduleId);
    const mods = await db.select({ id: modules.id, slug: modules.slug, title: modules.title }).from(modules).where(inArray(modules.id, ids));
    const byId = new Map(mods.map((m) => [m.id, m]));
    const progress = await progressFor(db, ctx.orgId, [ctx.membershipId], ids);
    for (const r of required) {
      const m = byId.get(r.moduleId);
      if (!m) continue;
      const key = progressKey(ctx.membershipId, r.moduleId);
      const status = moduleStatus({ complete: progress.complete.has(key), started: progress.started.has(key), dueAt: r.dueAt, now });
      items.push({ kind: "module", done: status === "complete", href: `/modules/${m.slug}`, label: m.title, dueAt: r.dueAt, status });
    }
  }

  if (ctx.role === "trainee") {
    const [c] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.authorMembershipId, ctx.membershipId)))
      .limit(1);
    items.push({ kind: "first_case", done: Boolean(c), href: "/cases", label: "Log your first rupture case" });
  }
  const done = items.filter((i) => i.done).length;
  return { items, done, total: items.length, complete: done === items.length };
}
