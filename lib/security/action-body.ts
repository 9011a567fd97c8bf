// Checks a server action's request body before Next.js decodes it. Next.js answers 500 to bodies
// its decoder can't handle (arrays nested thousands deep, references to parts that don't exist such
// as ["$h1"], ["$F1"], ["$Q0"], multipart with a wrong or missing boundary); we answer 400 first.
// Every check here is one linear pass over the text.

export const MAX_ACTION_BODY = 2 * 1024 * 1024;
export const MAX_DEPTH = 64;

export type BodyProblem = { status: 400 | 413; message: string } | null;

/** Deepest [ / { nesting outside strings, stopping once past `limit`. */
export function nestingDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

// React's reply format: "$" + a tag + a part id refers to another part of a multipart body
// ($Q map, $W set, $K form data, $h/$F server references, $B blob, $@ promise, … or a bare hex id).
// Values such as "$D2026-…" (a date), "$n12" (bigint), "$u", "$N", "$I", "$-0" and "$$" (an
// escaped dollar) stand alone.
const REFERENCE = /^\$([@FTQWKiAOoUSsLlGgMmVBRrXxhY]?)([0-9a-fA-F]+)$/;

/** The parts a JSON value refers to (through React's reply references). */
function referencedParts(value: unknown, out: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      const m = REFERENCE.exec(v);
      // "K<id>" for form data (matched by name), "_<hex id>" for any other outlined part.
      if (m) out.add(m[1] === "K" ? `K${m[2]}` : `_${m[2].toLowerCase()}`);
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === "object") {
      for (const item of Object.values(v)) stack.push(item);
    }
  }
}

/** A plain-text (JSON) action body: an array of arguments, with no reference to other parts. */
export function checkJsonBody(text: string): BodyProblem {
  if (text.length > MAX_ACTION_BODY) return { status: 413, message: "Request too large." };
  if (nestingDepth(text) > MAX_DEPTH) return { status: 400, message: "Malformed request: nested too deeply." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 400, message: "Malformed request." };
  }
  if (!Array.isArray(parsed)) return { status: 400, message: "Malformed request." };
  const refs = new Set<string>();
  referencedParts(parsed, refs);
  // A plain body is one part: anything pointing elsewhere points at nothing.
  if (refs.size > 0) return { status: 400, message: "Malformed request." };
  return null;
}

/** The boundary of a multipart Content-Type, or null when it has none (or a malformed one). */
export function multipartBoundary(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * A multipart action body: it must use its declared boundary, nest no deeper than JSON allows, and
 * every reference in its JSON parts must name a part that is there.
 */
export function checkMultipartBody(contentType: string, text: string, parts: Map<string, string> | null): BodyProblem {
  if (text.length > MAX_ACTION_BODY) return { status: 413, message: "Request too large." };
  const boundary = multipartBoundary(contentType);
  if (!boundary || !text.startsWith(`--${boundary}`)) return { status: 400, message: "Malformed request: the multipart boundary is missing or wrong." };
  if (nestingDepth(text) > MAX_DEPTH) return { status: 400, message: "Malformed request: nested too deeply." };
  if (!parts) return { status: 400, message: "Malformed request." };
  // Names present, and every "<id>_" family of names (a FormData argument is "<id>_<field>").
  const present = new Set<string>();
  for (const name of parts.keys()) {
    present.add(name);
    // A FormData argument's fields arrive as "_<id>_<field>" and are referred to as "$K<id>".
    const family = /^_(\d+)_/.exec(name);
    if (family) present.add(`K${family[1]}`);
  }
  for (const [name, value] of parts) {
    // Only the parts of a call from the client (named by number); a form posted without
    // JavaScript names its fields freely and carries no references.
    if (!/^\d+$/.test(name) || !/^\s*[[{"]/.test(value)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return { status: 400, message: "Malformed request." };
    }
    const refs = new Set<string>();
    referencedParts(parsed, refs);
    for (const ref of refs) {
      const wanted = ref.startsWith("K") ? ref : String(parseInt(ref.slice(1), 16));
      if (!present.has(wanted)) return { status: 400, message: "Malformed request." };
    }
  }
  return null;
}
