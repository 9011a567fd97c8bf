// The acr values an admin lists on an identity provider as counting for two-step sign-in
// (lib/sso/mfa.ts compares them with the ID token's acr). Pure, for the settings' data layer.

/** The admin's list of acr values: whitespace or comma separated, each one printable token. */
export function parseAcrValues(raw: string): { values: string[] } | { error: string } {
  const values = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
  if (values.length > 10) return { error: "List at most 10 values." };
  const bad = values.find((v) => v.length > 200 || !/^[\x21-\x7e]+$/.test(v));
  if (bad !== undefined) return { error: "Each value is one word or URI with no spaces, up to 200 characters, like urn:example:mfa or phrh." };
  return { values };
}
