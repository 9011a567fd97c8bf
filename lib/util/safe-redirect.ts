// The one place a redirect target taken from a request is checked (?callbackUrl= and the like).
// It is parsed against a placeholder origin: anything that lands elsewhere (other sites,
// protocol-relative "//x", "/\t/x" which browsers read as "//x", backslashes that some browsers
// treat as slashes) is refused, as are control characters. What comes back is the parsed path,
// percent-encoded, so it is always safe to put in a Location header.

const BASE = "http://rapport.invalid";

export function safeCallback(value: string | string[] | undefined | null, fallback = "/home"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string" || v.length === 0 || v.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(v)) return fallback;
  if (!v.startsWith("/") || v.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(v, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
