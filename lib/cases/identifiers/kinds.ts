// What the identifier check reports, shared by every detector (TAXONOMY.md section 6).

export type IdentifierKind =
  | "name"
  | "date"
  | "age"
  | "phone"
  | "email"
  | "url"
  | "ip"
  | "address"
  | "postcode"
  | "id_number"
  | "handle"
  | "initials"
  | "named_place"
  | "event";

export interface Finding {
  kind: IdentifierKind;
  /** UTF-16 offset into the text, inclusive */
  start: number;
  /** UTF-16 offset, exclusive */
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** plain-language explanation and what to do */
  reason: string;
  /** stable fingerprint `${kind}:${normalised text}` used to record dismissals */
  key: string;
}

/** Bump when detection rules change, so stored dismissals can be re-checked. */
export const SCANNER_VERSION = "2";

// ---------------------------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------------------------

export const REASONS: Record<IdentifierKind, string> = {
  name: "Looks like a person's name. Remove it or replace it with their role, e.g. [partner] or [client's sister].",
  date: "Looks like a date more specific than a year. Keep the year only, or replace it with [date].",
  age: "Looks like an age over 89. Replace it with [aged 90 or over].",
  phone: "Looks like a phone number. Remove it or replace it with [phone].",
  email: "Looks like an email address. Remove it or replace it with [email].",
  url: "Looks like a web address. Remove it or replace it with [website].",
  ip: "Looks like an IP address. Remove it or replace it with [IP address].",
  address: "Looks like a street address, suburb or town. Remove it or replace it with something general, e.g. [suburb] or [state].",
  postcode: "Looks like a postcode. Remove it or replace it with [postcode].",
  id_number:
    "Looks like an identifying number, or part of one (Medicare, TFN, CRN, record, licence, account or similar). Remove it or replace it with [ID number].",
  handle: "Looks like a social-media handle or username. Remove it or replace it with [username].",
  initials: "Looks like a person's initials, which can still identify them. Replace them with the person's role, e.g. [her ex-partner] or [a colleague].",
  named_place:
    "Looks like a named school, club, park, workplace or venue, which can identify someone together with other details. Replace it with something general, e.g. [her school], [a sports club] or [his workplace].",
  event: "Looks like a news event tied to a town, which can show where someone lives. Replace it with something general, e.g. [a flood in her area].",
};

export const PRIORITY: Record<IdentifierKind, number> = {
  email: 0,
  url: 1,
  ip: 2,
  phone: 3,
  date: 4,
  id_number: 5,
  age: 6,
  handle: 7,
  event: 8,
  named_place: 9,
  initials: 10,
  name: 11,
  address: 12,
  postcode: 13,
};

export interface Candidate {
  kind: IdentifierKind;
  start: number;
  end: number;
}


export function pushAll(out: Candidate[], re: RegExp, text: string, kind: IdentifierKind, accept?: (m: RegExpMatchArray) => [number, number] | null): void {
  for (const m of text.matchAll(re)) {
    const s = m.index ?? 0;
    if (accept) {
      const span = accept(m);
      if (span) out.push({ kind, start: span[0], end: span[1] });
    } else out.push({ kind, start: s, end: s + m[0].length });
  }
}

const TRAILING_PUNCT = /[.,;:!?)\]'"’”]+$/;

export function trimTrailing(s: number, str: string): [number, number] {
  const trimmed = str.replace(TRAILING_PUNCT, "");
  return [s, s + trimmed.length];
}
