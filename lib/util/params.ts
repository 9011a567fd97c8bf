// Every query parameter a page or route reads goes through here first. A parameter may arrive
// missing, repeated (?q=a&q=b gives an array), with NUL bytes (PostgreSQL refuses them in text),
// other control characters, or of any length: what comes out is one plain string, or undefined.

export type RawSearch = Record<string, string | string[] | undefined> | URLSearchParams;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to show and to send to PostgreSQL: no NUL or control characters, no lone surrogates. */
export function cleanText(v: string, max: number): string {
  return v.slice(0, max * 2).replace(CONTROL, "").replace(LONE_SURROGATE, "").slice(0, max);
}

/** One query parameter: the first value, cleaned and capped; undefined when absent or empty. */
export function param(raw: RawSearch, key: string, max = 200): string | undefined {
  const v = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first !== "string") return undefined;
  const out = cleanText(first, max).trim();
  return out === "" ? undefined : out;
}

/** Free text for a search box (at most 100 characters). */
export const searchText = (raw: RawSearch, key = "q") => param(raw, key, 100) ?? "";

/** A whole number within [min, max], or undefined (never NaN, never beyond a PostgreSQL integer). */
export function intParam(raw: RawSearch, key: string, min: number, max: number): number | undefined {
  const v = param(raw, key, 20);
  if (!v || !/^-?\d{1,15}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

/** One of the allowed values, or undefined. */
export function oneOf<T extends string>(raw: RawSearch, key: string, allowed: readonly T[]): T | undefined {
  const v = param(raw, key, 100);
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A calendar date written YYYY-MM-DD between 1900 and 2200, or undefined ("2026-02-30" is not one). */
export function dayParam(raw: RawSearch, key: string): string | undefined {
  const v = param(raw, key, 10);
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return undefined;
  const year = d.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? v : undefined;
}

/** An instant PostgreSQL can store and we could have written: ISO 8601, years 1970 to 2200. */
export function isPlausibleInstant(v: unknown): v is string {
  if (typeof v !== "string" || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(v)) return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && t >= Date.UTC(1970, 0, 1) && t <= Date.UTC(2200, 0, 1);
}
