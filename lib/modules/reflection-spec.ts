import { z } from "zod";
import type { ReflectionSpec } from "@/db/schema/modules";

// The fields of each reflection form. Pure: shared by the form, the action and the views.
// The two-relationships exercise is adapted, with credit, from the Mental Health Academy article
// "The What and Why of the Therapeutic Alliance" (module 02 cites it); the prompt wording is Rapport's.

export const REFLECTION_FIELD_MAX = 5000;

export type ReflectionField = { key: string; label: string; hint?: string; group?: string; short?: boolean };

const FIVE = [
  { q: "q1", label: "How would you describe this relationship in a few words?" },
  { q: "q2", label: "What role do you usually take with this person, and what are you like in it?" },
  { q: "q3", label: "How do you feel, and how do you behave, around them?" },
  { q: "q4", label: "Which of your needs does this relationship meet?" },
  { q: "q5", label: "How do you act when you want something from them?" },
];

export function reflectionFields(spec: ReflectionSpec): ReflectionField[] {
  if (spec.kind === "prompt") return [{ key: "response", label: spec.prompt }];
  const group = (prefix: "a" | "b", title: string, hint: string): ReflectionField[] => [
    { key: `${prefix}_who`, label: "Who is this? (a role, not a name: for example “neighbour” or “sister”)", group: title, hint, short: true },
    ...FIVE.map((f) => ({ key: `${prefix}_${f.q}`, label: f.label, group: title })),
  ];
  return [
    ...group("a", "Relationship A: regular but not close", "Someone you see often but aren't close to: a shopkeeper, neighbour, co-worker or group member."),
    ...group("b", "Relationship B: a closer relationship", "A closer relationship, harmonious or in conflict."),
    {
      key: "synthesis",
      label: "Compare yourself across the two relationships. What does the comparison show you about yourself and your needs, and what might it mean for the alliances you build with clients?",
      group: "Bringing it together",
    },
  ];
}

export function reflectionContentSchema(spec: ReflectionSpec) {
  const keys = reflectionFields(spec).map((f) => f.key);
  const shape = Object.fromEntries(
    keys.map((k) => [k, z.string().max(REFLECTION_FIELD_MAX, { error: `Keep each answer under ${REFLECTION_FIELD_MAX} characters.` }).optional()]),
  );
  return z.strictObject(shape, { error: "This reflection has a field it doesn't know. Reload the page." });
}

export function isReflectionComplete(spec: ReflectionSpec, content: Record<string, string> | null | undefined): boolean {
  if (!content) return false;
  return reflectionFields(spec).every((f) => (content[f.key] ?? "").trim().length > 0);
}
