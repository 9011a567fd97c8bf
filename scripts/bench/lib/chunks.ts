// Which JavaScript files a server-rendered page makes the browser load: the <script src> tags
// plus every chunk the React Server Components payload refers to (client components load those
// on hydration). Pure, so the benchmark and the e2e client-weight test share it.

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+\.js)(?:\?[^"]*)?"/g;
const FLIGHT_CHUNK = /(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_\-./~]+?\.js/g;

export function scriptChunks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(SCRIPT_SRC)) if (m[1].startsWith("/_next/")) out.add(m[1]);
  // The flight payload is embedded as JS string literals: unescape \/ and \" before matching.
  const text = html.replace(/\\\//g, "/").replace(/\\"/g, '"');
  for (const m of text.matchAll(FLIGHT_CHUNK)) out.add(m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`);
  return [...out].sort();
}
