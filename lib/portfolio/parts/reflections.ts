import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, modules, reflectionComments, reflections, users } from "@/db/schema";
import { reflectionFields } from "@/lib/modules/reflection-spec";
import { toCsv } from "@/lib/reports/csv-write";
import type { PortfolioPart } from "../types";

// The person's module reflections (one row per answered prompt) and the comments on the ones they
// shared. Reflections are private to their author: an admin's export of a member leaves them out.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "");

export const reflectionsPart: PortfolioPart = {
  id: "reflections",
  title: "Reflections",
  describe: (viewer) =>
    viewer === "self"
      ? "reflections/: reflections.csv (each module reflection, one row per prompt you answered) and reflection-comments.csv (comments on the reflections you shared)."
      : "Reflections are not included: they are private to their author.",
  async files(subject, viewer) {
    if (viewer !== "self") return [];
    const db = await getDb();
    const rows = await db
      .select({ id: reflections.id, content: reflections.content, sharedAt: reflections.sharedAt, updatedAt: reflections.updatedAt, title: modules.title, spec: modules.reflection, position: modules.position })
      .from(reflections)
      .innerJoin(modules, eq(modules.id, reflections.moduleId))
      .where(and(eq(reflections.organisationId, subject.orgId), eq(reflections.membershipId, subject.membershipId)))
      .orderBy(asc(modules.position));
    const ids = rows.map((r) => r.id);
    const comments = ids.length
      ? await db
          .select({ c: reflectionComments, author: users.name })
          .from(reflectionComments)
          .leftJoin(memberships, and(eq(memberships.id, reflectionComments.authorMembershipId), eq(memberships.organisationId, reflectionComments.organisationId)))
          .leftJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(reflectionComments.organisationId, subject.orgId), inArray(reflectionComments.reflectionId, ids)))
          .orderBy(asc(reflectionComments.createdAt))
      : [];
    const titleOf = new Map(rows.map((r) => [r.id, r.title]));
    const lines = rows.flatMap((r) => {
      const labels = new Map(reflectionFields(r.spec).map((f) => [f.key, f.label]));
      return Object.entries(r.content ?? {})
        .filter(([, v]) => typeof v === "string" && v.trim())
        .map(([key, value]) => [r.title, labels.get(key) ?? key, value, r.sharedAt ? "yes" : "no", iso(r.updatedAt)]);
    });
    return [
      { path: "reflections/reflections.csv", data: toCsv(["module", "prompt", "response", "shared_with_supervisor", "last_saved_at"], lines) },
      {
        path: "reflections/reflection-comments.csv",
        data: toCsv(
          ["module", "author", "reply", "written_at", "comment"],
          comments.map(({ c, author }) => [titleOf.get(c.reflectionId) ?? "", author ?? "Former member", c.parentId ? "yes" : "no", iso(c.createdAt), c.body]),
        ),
      },
    ];
  },
};
