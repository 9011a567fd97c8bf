// Errors that reach the server log must not carry what people typed. A failed database query's
// error (drizzle's DrizzleQueryError) prints its parameters, and PostgreSQL's messages quote the
// offending value ("invalid input syntax for type uuid: \"…\""): both can hold search text, case
// narrative or an email. The log keeps the statement, the SQLSTATE and the stack; never the values.

type Loggable = unknown;

const SQLSTATE = /^[0-9A-Z]{5}$/;

function pgCode(e: unknown): string | null {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}

export function scrubForLog(value: Loggable): Loggable {
  if (typeof value === "string") {
    const at = value.indexOf("\nparams: ");
    return at >= 0 ? `${value.slice(0, at)}\nparams: [not logged]` : value;
  }
  if (!(value instanceof Error)) return value;
  const query = (value as { query?: unknown }).query;
  const code = pgCode(value);
  if (typeof query !== "string" && !code) return value;
  const clean = new Error(typeof query === "string" ? `Failed query${code ? ` (SQLSTATE ${code})` : ""}: ${query.slice(0, 2000)} [parameters not logged]` : `Database error (SQLSTATE ${code}) [message not logged]`);
  clean.name = value.name;
  clean.stack = `${clean.name}: ${clean.message}\n${(value.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at ")).join("\n")}`;
  return clean;
}

/** Wraps console.error and console.warn once per process. */
export function installLogScrubbing(): void {
  const g = globalThis as unknown as { __rapportLogScrub?: boolean };
  if (g.__rapportLogScrub) return;
  g.__rapportLogScrub = true;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(scrubForLog));
  }
}
