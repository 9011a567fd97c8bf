// The categories of practicum activity, in one typed list shared by forms, validation, the CSV
// import, requirement sets, reports and seeds. Codes are stable (stored in the database, which
// checks them); labels may be reworded. See docs: TAXONOMY.md section 8.

export const CATEGORY_CODES = [
  "direct_individual",
  "direct_couple_family",
  "direct_group",
  "indirect_notes",
  "indirect_preparation",
  "indirect_case_conference",
  "supervision_individual",
  "supervision_group",
  "skills_practice",
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export type CategoryFamily = "direct" | "indirect" | "supervision" | "skills";

export const FAMILY_LABELS: Record<CategoryFamily, string> = {
  direct: "Direct client contact",
  indirect: "Indirect",
  supervision: "Supervision",
  skills: "Skills practice",
};

export type Category = { code: CategoryCode; family: CategoryFamily; label: string; short: string; hint?: string };

export const CATEGORIES: readonly Category[] = [
  { code: "direct_individual", family: "direct", label: "Direct client contact: individual", short: "Direct: individual" },
  { code: "direct_couple_family", family: "direct", label: "Direct client contact: couple or family", short: "Direct: couple/family" },
  { code: "direct_group", family: "direct", label: "Direct client contact: group", short: "Direct: group" },
  { code: "indirect_notes", family: "indirect", label: "Indirect: notes and records", short: "Indirect: notes" },
  { code: "indirect_preparation", family: "indirect", label: "Indirect: preparation", short: "Indirect: preparation" },
  { code: "indirect_case_conference", family: "indirect", label: "Indirect: case conferences", short: "Indirect: case conferences" },
  { code: "supervision_individual", family: "supervision", label: "Individual supervision (or triadic)", short: "Supervision: individual" },
  { code: "supervision_group", family: "supervision", label: "Group supervision", short: "Supervision: group" },
  {
    code: "skills_practice",
    family: "skills",
    label: "Skills practice (role-play)",
    short: "Skills practice",
    hint: "Role-plays with other students. Most bodies, CACREP among them, do not count these as direct client contact.",
  },
];

const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));

export function isCategory(v: unknown): v is CategoryCode {
  return typeof v === "string" && BY_CODE.has(v as CategoryCode);
}

export function category(code: CategoryCode): Category {
  return BY_CODE.get(code)!;
}

export function categoryLabel(code: string): string {
  return BY_CODE.get(code as CategoryCode)?.label ?? code;
}

export const DIRECT: readonly CategoryCode[] = ["direct_individual", "direct_couple_family", "direct_group"];
export const INDIRECT: readonly CategoryCode[] = ["indirect_notes", "indirect_preparation", "indirect_case_conference"];
export const SUPERVISION: readonly CategoryCode[] = ["supervision_individual", "supervision_group"];

/** A supervision session's kind and the ledger category its attendance creates. */
export const SESSION_CATEGORY = { individual: "supervision_individual", group: "supervision_group" } as const satisfies Record<string, CategoryCode>;

/**
 * Words a spreadsheet may use for a category (case and punctuation ignored): the codes, the
 * labels, the short labels, and a few common names. The CSV import reads them.
 */
const ALIASES: Record<string, CategoryCode> = {
  individual: "direct_individual",
  "individual counselling": "direct_individual",
  "individual client": "direct_individual",
  direct: "direct_individual",
  couple: "direct_couple_family",
  family: "direct_couple_family",
  "couple family": "direct_couple_family",
  couples: "direct_couple_family",
  group: "direct_group",
  "group counselling": "direct_group",
  notes: "indirect_notes",
  "case notes": "indirect_notes",
  records: "indirect_notes",
  preparation: "indirect_preparation",
  prep: "indirect_preparation",
  "case conference": "indirect_case_conference",
  "case conferences": "indirect_case_conference",
  supervision: "supervision_individual",
  "individual supervision": "supervision_individual",
  "triadic supervision": "supervision_individual",
  "group supervision": "supervision_group",
  "role play": "skills_practice",
  roleplay: "skills_practice",
  "skills practice": "skills_practice",
};

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[_\-:/()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LOOKUP = new Map<string, CategoryCode>();
for (const c of CATEGORIES) {
  LOOKUP.set(norm(c.code), c.code);
  LOOKUP.set(norm(c.label), c.code);
  LOOKUP.set(norm(c.short), c.code);
}
for (const [k, v] of Object.entries(ALIASES)) LOOKUP.set(norm(k), v);

export function categoryFromText(text: string): CategoryCode | null {
  return LOOKUP.get(norm(text)) ?? null;
}
