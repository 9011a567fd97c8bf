// Opaque page cursors for key pagination in URLs. A tampered cursor just starts from the top.
export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString("base64url");
}

export function decodeCursor<T>(v: string | undefined, valid: (x: unknown) => x is T): T | undefined {
  if (!v || v.length > 400) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(v, "base64url").toString("utf8"));
    return valid(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const UUID = /^[0-9a-f-]{36}$/i;
export const isAtCursor = (x: unknown): x is { at: string; id: string } =>
  typeof x === "object" && x !== null && typeof (x as { at?: unknown }).at === "string" && UUID.test(String((x as { id?: unknown }).id));
export const isNameCursor = (x: unknown): x is { name: string; id: string } =>
  typeof x === "object" && x !== null && typeof (x as { name?: unknown }).name === "string" && UUID.test(String((x as { id?: unknown }).id));
export const isUuid = (s: string | undefined): s is string => Boolean(s && UUID.test(s));
