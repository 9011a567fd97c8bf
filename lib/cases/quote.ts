import { NARRATIVE_FIELDS, type NarrativeField } from "./schemas";

export type QuoteSpan = { field: NarrativeField; start: number; end: number; text: string };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Finds a quoted passage in the case narrative, tolerating differences in whitespace (a browser
 * selection turns line breaks into spaces and back). Returns the exact span as stored, or null.
 */
export function locateQuote(content: Partial<Record<NarrativeField, string | undefined>>, quote: string): QuoteSpan | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escape).join("\\s+"));
  for (const field of NARRATIVE_FIELDS) {
    const value = content[field];
    if (!value) continue;
    const m = pattern.exec(value);
    if (m) return { field, start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  return null;
}
