import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// Loads the built-in curriculum from content/modules and validates it: a malformed module fails
// loudly at sync time, never half-way through a person's lesson.

const option = z.object({ id: z.string().regex(/^[a-z]$/), text: z.string().min(1), correct: z.boolean(), explanation: z.string().min(1) });
const question = z
  .object({
    id: z.string().regex(/^q\d+$/),
    kind: z.enum(["single", "multiple"]),
    prompt: z.string().min(1),
    scenario: z.string().min(1).optional(),
    options: z.array(option).min(3).max(5),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.kind === "single" && correct !== 1) ctx.addIssue({ code: "custom", message: `${q.id}: a single-choice question needs exactly one correct option` });
    if (q.kind === "multiple" && (correct < 2 || correct === q.options.length))
      ctx.addIssue({ code: "custom", message: `${q.id}: a multiple-choice question needs two or more correct and at least one incorrect option` });
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: "custom", message: `${q.id}: duplicate option ids` });
    if (new Set(q.options.map((o) => o.text.trim().toLowerCase())).size !== q.options.length) ctx.addIssue({ code: "custom", message: `${q.id}: two options have the same text` });
  });
// `draw`: how many questions of the bank one attempt serves (each attempt draws its own); absent, all of them.
export const knowledgeCheckSchema = z
  .object({ passMark: z.number().int().min(1).max(100), draw: z.number().int().min(6).optional(), questions: z.array(question).min(6) })
  .refine((c) => new Set(c.questions.map((q) => q.id)).size === c.questions.length, { message: "duplicate question ids" })
  .refine((c) => c.draw === undefined || c.draw <= c.questions.length, { message: "draw is larger than the question bank" });

const moduleMeta = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1).max(120),
  version: z.number().int().min(1),
  order: z.number().int().min(1),
  summary: z.string().min(1).max(300),
  outcomes: z.array(z.string().min(1)).min(1),
  reflection: z.discriminatedUnion("kind", [z.object({ kind: z.literal("prompt"), prompt: z.string().min(1).max(500) }), z.object({ kind: z.literal("two_relationships") })]),
  references: z.array(z.string().min(1)).min(1),
});

export type LessonSource = { slug: string; title: string; position: number; body: string; wordCount: number };
export type ModuleSource = z.infer<typeof moduleMeta> & { check: z.infer<typeof knowledgeCheckSchema>; lessons: LessonSource[]; contentHash: string };

export function contentRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RAPPORT_CONTENT_DIR || path.join(process.cwd(), "content", "modules"));
}

export function countWords(markdown: string): number {
  return markdown.replace(/[#>*_`|-]/g, " ").split(/\s+/).filter(Boolean).length;
}

function parseLesson(file: string, position: number): LessonSource {
  const raw = fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${file}: missing front matter`);
  const title = /^title:\s*(.+)$/m.exec(m[1])?.[1]?.trim().replace(/^["']|["']$/g, "");
  if (!title) throw new Error(`${file}: front matter has no title`);
  const slug = path.basename(file, ".md").replace(/^\d+-/, "");
  const body = m[2].trim();
  return { slug, title, position, body, wordCount: countWords(body) };
}

export function loadCurriculum(root = contentRoot()): ModuleSource[] {
  const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const modules = dirs.map((dir) => {
    const base = path.join(root, dir);
    const metaRaw = fs.readFileSync(path.join(base, "module.json"), "utf8");
    const checkRaw = fs.readFileSync(path.join(base, "check.json"), "utf8");
    const meta = moduleMeta.parse(JSON.parse(metaRaw));
    const check = knowledgeCheckSchema.parse(JSON.parse(checkRaw));
    const files = fs.readdirSync(path.join(base, "lessons")).filter((f) => f.endsWith(".md")).sort();
    const lessons = files.map((f, i) => parseLesson(path.join(base, "lessons", f), i + 1));
    if (lessons.length < 1) throw new Error(`${dir}: no lessons`);
    const hash = createHash("sha256").update(metaRaw).update(checkRaw);
    for (const l of lessons) hash.update(l.slug).update(l.title).update(l.body);
    return { ...meta, check, lessons, contentHash: hash.digest("hex") };
  });
  const slugs = new Set(modules.map((m) => m.slug));
  if (slugs.size !== modules.length) throw new Error("content/modules: two modules share a slug");
  return modules;
}
