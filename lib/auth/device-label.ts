// A person-readable guess at the client behind a User-Agent string ("Chrome on Windows"). Only
// approximate by design: the string is whatever the client chose to send.

export function describeDevice(ua: string | null | undefined): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

export const METHOD_LABELS: Record<string, string> = {
  password: "Password",
  passkey: "Passkey",
  sso: "Single sign-on",
};

/** How someone signed in, with the second step when there was one. */
export function describeMethod(method: string, secondFactor?: string | null): string {
  const first = METHOD_LABELS[method] ?? method;
  if (!secondFactor) return first;
  // The identity provider's amr or acr showed its own second step (lib/sso/mfa.ts).
  if (secondFactor === "idp") return `${first}, two-step at the identity provider`;
  const second = secondFactor === "totp" ? "authenticator app" : secondFactor === "recovery_code" ? "recovery code" : secondFactor === "passkey" ? "passkey" : secondFactor;
  return `${first} and ${second}`;
}
