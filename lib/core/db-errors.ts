/** Drizzle wraps driver errors; both postgres.js and PGlite put the SQLSTATE on the cause. */
export function pgError(e: unknown): { code?: string; message: string; constraint?: string } {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as { code?: unknown; message?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) {
      return { code: c.code, message: String(c.message ?? ""), constraint: String(c.constraint ?? c.constraint_name ?? "") || undefined };
    }
    cur = c.cause;
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

export const isUniqueViolation = (e: unknown) => pgError(e).code === "23505";
