/** A json column read through sql``: parsed by the driver, or (defensively) still text. */
export type JsonCell<T> = T | string;

export function json<T>(v: JsonCell<T>): T {
  return typeof v === "string" ? (JSON.parse(v) as T) : v;
}
