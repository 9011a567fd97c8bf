import type { z } from "zod";

export function zodFieldErrors(error: z.ZodError): Record<string, string[] | undefined> {
  const out: Record<string, string[] | undefined> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
