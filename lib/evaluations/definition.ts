// What an evaluation form is: domains of competencies, a rating scale anchored in words, an
// optional comment per competency, and an overall recommendation. Pure (no server-only): the
// form builder (a client component), the data layer, reports, the PDF and the seed share it.
import { z } from "zod";
import type { FormCompetency, FormDefinition, ScalePoint, StoredCompetencyRating } from "@/db/schema/evaluations";

export type { FormCompetency, FormDefinition, FormDomain, ScalePoint, StoredCompetencyRating } from "@/db/schema/evaluations";

export const NOT_OBSERVED = "not_observed";

export const FORM_LIMITS = {
  name: 120,
  intro: 1500,
  points: { min: 2, max: 11 },
  pointLabel: 60,
  pointDescription: 400,
  domains: 20,
  domainTitle: 120,
  competencies: 20,
  competencyTitle: 200,
  competencyDescription: 800,
  anchor: 400,
  options: { min: 2, max: 8 },
  optionLabel: 200,
  question: 200,
  comment: 2000,
  overallComment: 4000,
  disagreement: 4000,
} as const;

// No dots and a leading letter: a code is a segment of form field names (ratings.<code>.rating).
const CODE = /^[a-z][a-z0-9_-]{0,63}$/;
const code = z.string().regex(CODE, { error: "Reload the page and try again (an item's internal code is malformed)." });

const text = (max: number, required: string | null, what: string) => {
  const base = z.string({ error: required ?? `Enter ${what}.` }).trim().max(max, { error: `Use at most ${max} characters for ${what}.` });
  return required ? base.min(1, { error: required }) : base.default("");
};

const point = z.object({
  value: z.coerce
    .number({ error: "Enter a whole number for this point." })
    .int({ error: "Enter a whole number for this point." })
    .min(-10, { error: "Use a number from -10 to 100." })
    .max(100, { error: "Use a number from -10 to 100." }),
  label: text(FORM_LIMITS.pointLabel, "Give this point a short label, like “Emerging”.", "the label"),
  description: text(FORM_LIMITS.pointDescription, null, "the description"),
});

const competency = z.object({
  code,
  title: text(FORM_LIMITS.competencyTitle, "Name the competency.", "the competency"),
  description: text(FORM_LIMITS.competencyDescription, null, "the description"),
  anchors: z.array(text(FORM_LIMITS.anchor, null, "the wording")).max(FORM_LIMITS.points.max).optional(),
});

const domain = z.object({
  code,
  title: text(FORM_LIMITS.domainTitle, "Name the domain.", "the domain"),
  competencies: z
    .array(competency)
    .min(1, { error: "Add at least one competency to this domain." })
    .max(FORM_LIMITS.competencies, { error: `A domain holds at most ${FORM_LIMITS.competencies} competencies.` }),
});

export const formDefinitionSchema = z
  .object({
    intro: text(FORM_LIMITS.intro, null, "the introduction"),
    scale: z.object({
      points: z
        .array(point)
        .min(FORM_LIMITS.points.min, { error: `A scale needs at least ${FORM_LIMITS.points.min} points.` })
        .max(FORM_LIMITS.points.max, { error: `A scale has at most ${FORM_LIMITS.points.max} points.` }),
      notObserved: z.object({
        allowed: z.boolean().default(true),
        label: text(FORM_LIMITS.pointLabel, null, "the label").transform((v) => v || "Not observed"),
        description: text(FORM_LIMITS.pointDescription, null, "the description"),
      }),
    }),
    domains: z
      .array(domain)
      .min(1, { error: "Add at least one domain." })
      .max(FORM_LIMITS.domains, { error: `A form holds at most ${FORM_LIMITS.domains} domains.` }),
    comments: z.boolean().default(true),
    recommendation: z.object({
      question: text(FORM_LIMITS.question, "Write the question, like “Overall recommendation”.", "the question"),
      options: z
        .array(z.object({ code, label: text(FORM_LIMITS.optionLabel, "Write this option, or remove it.", "the option") }))
        .min(FORM_LIMITS.options.min, { error: `Offer at least ${FORM_LIMITS.options.min} recommendations to choose from.` })
        .max(FORM_LIMITS.options.max, { error: `Offer at most ${FORM_LIMITS.options.max} recommendations.` }),
    }),
  })
  .superRefine((d, ctx) => {
    d.scale.points.forEach((p, i) => {
      if (i > 0 && p.value <= d.scale.points[i - 1].value) {
        ctx.addIssue({ code: "custom", path: ["scale", "points", i, "value"], message: "Each point's number must be higher than the one before it." });
      }
    });
    const seen = new Set<string>();
    const unique = (c: string, path: (string | number)[]) => {
      if (seen.has(c)) ctx.addIssue({ code: "custom", path, message: "Reload the page and try again (two items share an internal code)." });
      seen.add(c);
    };
    d.domains.forEach((dm, i) => {
      unique(`d:${dm.code}`, ["domains", i, "title"]);
      dm.competencies.forEach((c, j) => {
        unique(`c:${c.code}`, ["domains", i, "competencies", j, "title"]);
        if ((c.anchors?.length ?? 0) > d.scale.points.length) {
          ctx.addIssue({ code: "custom", path: ["domains", i, "competencies", j, "anchors"], message: "There is wording for more points than the scale has." });
        }
      });
    });
    d.recommendation.options.forEach((o, i) => unique(`r:${o.code}`, ["recommendation", "options", i, "label"]));
  });

export const formNameSchema = text(FORM_LIMITS.name, "Give the form a name, like “End-of-placement evaluation”.", "the name");

/** Every competency in form order, with its domain. */
export function competenciesOf(def: FormDefinition): (FormCompetency & { domainCode: string; domainTitle: string })[] {
  return def.domains.flatMap((d) => d.competencies.map((c) => ({ ...c, domainCode: d.code, domainTitle: d.title })));
}

/** The choices a rater has for one competency: the scale points (with this competency's wording if any), then "not observed". */
export function ratingOptions(def: FormDefinition, c: FormCompetency): { value: string; label: string; description: string }[] {
  const points = def.scale.points.map((p: ScalePoint, i) => ({ value: String(p.value), label: `${p.value} · ${p.label}`, description: c.anchors?.[i]?.trim() || p.description }));
  return def.scale.notObserved.allowed ? [...points, { value: NOT_OBSERVED, label: def.scale.notObserved.label, description: def.scale.notObserved.description }] : points;
}

/** The words for a stored rating: "4 · Established", "Not observed", or "Not rated". */
export function ratingLabel(def: FormDefinition, rating: string | undefined | null): string {
  if (!rating) return "Not rated";
  if (rating === NOT_OBSERVED) return def.scale.notObserved.label;
  const p = def.scale.points.find((x) => String(x.value) === rating);
  return p ? `${p.value} · ${p.label}` : "Not rated";
}

export function recommendationLabel(def: FormDefinition, code: string | null | undefined): string {
  return def.recommendation.options.find((o) => o.code === code)?.label ?? "Not given";
}

export type ResponseValues = { ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null };

/**
 * Checks a response against the form version it answers: unknown competencies, ratings that are
 * not on the scale, comments where the form has none. On submission also that every competency
 * is rated and, for the supervisor, that a recommendation is chosen. Returns field errors keyed
 * like the form's fields (ratings.<code>.rating).
 */
export function checkResponse(def: FormDefinition, v: ResponseValues, opts: { complete: boolean; side: "self" | "supervisor" }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (k: string, m: string) => (errors[k] ??= []).push(m);
  const comps = competenciesOf(def);
  const known = new Map(comps.map((c) => [c.code, c]));
  for (const [k, r] of Object.entries(v.ratings)) {
    const c = known.get(k);
    if (!c) {
      add("_form", "This form has changed since you opened it. Reload the page: your answers so far are saved.");
      continue;
    }
    if (r.rating && !ratingOptions(def, c).some((o) => o.value === r.rating)) add(`ratings.${k}.rating`, "Choose one of the points on the scale.");
    if (r.comment && !def.comments) add(`ratings.${k}.comment`, "This form has no comments on each competency: use the overall comment.");
  }
  if (v.recommendation && !def.recommendation.options.some((o) => o.code === v.recommendation)) add("recommendation", "Choose one of the recommendations offered.");
  if (opts.complete) {
    for (const c of comps) if (!v.ratings[c.code]?.rating) add(`ratings.${c.code}.rating`, `Rate “${c.title}”, or choose “${def.scale.notObserved.allowed ? def.scale.notObserved.label : "a point on the scale"}”.`);
    if (opts.side === "supervisor" && !v.recommendation) add("recommendation", "Choose your overall recommendation.");
  }
  return errors;
}

/** Short random code for a new domain, competency or option (the builder makes them). */
export function newCode(prefix: string): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A blank form to start the builder from. */
export function blankDefinition(): FormDefinition {
  return {
    intro: "",
    scale: {
      points: [
        { value: 1, label: "Not yet demonstrated", description: "" },
        { value: 2, label: "Emerging", description: "" },
        { value: 3, label: "Developing", description: "" },
        { value: 4, label: "Established", description: "" },
        { value: 5, label: "Consistently independent", description: "" },
      ],
      notObserved: { allowed: true, label: "Not observed", description: "" },
    },
    domains: [{ code: newCode("d"), title: "", competencies: [{ code: newCode("c"), title: "", description: "", anchors: [] }] }],
    comments: true,
    recommendation: {
      question: "Overall recommendation",
      options: [
        { code: newCode("r"), label: "Ready to progress" },
        { code: newCode("r"), label: "Not yet ready to progress" },
      ],
    },
  };
}
