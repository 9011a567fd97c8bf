/** Only same-site paths: stops open redirects through ?callbackUrl=. */
export function safeCallback(value: string | string[] | undefined | null, fallback = "/home"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return fallback;
  return v;
}
