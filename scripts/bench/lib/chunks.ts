// Which JavaScript files a server-rendered page makes the browser load: the <script src> tags
// plus every chunk the React Server Components payload refers to (client components load those
// on hydration). Pure, so the benchmark and the e2e client-weight test share it.
// `<script nomodule>` (Next.js's legacy polyfills) is left out: every browser that runs ES modules
// skips it without downloading it, so only pre-2018 browsers ever pay for it.

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const SRC = /\bsrc="([^"]+\.js)(?:\?[^"]*)?"/;
const NOMODULE = /\bnomodule\b/i;
const FLIGHT_CHUNK = /(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_\-./~]+?\.js/g;

export function scriptChunks(html: string): string[] {
  const out = new Set<string>();
  const skipped = new Set<string>();
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const src = SRC.exec(tag)?.[1];
    if (!src?.startsWith("/_next/")) continue;
    (NOMODULE.test(tag) ? skipped : out).add(src);
  }
  // The flight payload is embedded as JS string literals: unescape \/ and \" before matching.
  const text = html.replace(/\\\//g, "/").replace(/\\"/g, '"');
  for (const m of text.matchAll(FLIGHT_CHUNK)) {
    const chunk = m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`;
    if (!skipped.has(chunk)) out.add(chunk);
  }
  return [...out].sort();
}
