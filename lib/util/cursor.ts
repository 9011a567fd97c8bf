import { isPlausibleInstant } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";

// Opaque page cursors for key pagination in URLs. A tampered cursor just starts from the top.
export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString("base64url");
}

export function decodeCursor<T>(v: string | string[] | undefined, valid: (x: unknown) => x is T): T | undefined {
  if (typeof v !== "string" || !v || v.length > 600) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(v, "base64url").toString("utf8"));
    return valid(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// The id goes to the database as a uuid and `at` as a timestamp: both are checked strictly here,
// because a value PostgreSQL cannot cast would fail the page's query instead of starting over.
const field = (x: unknown, key: string): unknown => (typeof x === "object" && x !== null ? (x as Record<string, unknown>)[key] : undefined);

export const isAtCursor = (x: unknown): x is { at: string; id: string } => {
  const at = field(x, "at");
  // Year 0, -100000 or +275760 parse in JavaScript but not in PostgreSQL.
  return isPlausibleInstant(at) && isUuid(field(x, "id"));
};
export const isNameCursor = (x: unknown): x is { name: string; id: string } => {
  const name = field(x, "name");
  return typeof name === "string" && name.length <= 400 && !/[\u0000]/.test(name) && isUuid(field(x, "id"));
};
/** The audit log's key: a timestamp with microseconds and a positive bigint id (as a safe integer). */
export const isAuditCursor = (x: unknown): x is { at: string; id: number } => {
  const id = field(x, "id");
  return isPlausibleInstant(field(x, "at")) && typeof id === "number" && Number.isSafeInteger(id) && id > 0;
};
