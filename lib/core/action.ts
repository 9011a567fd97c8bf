import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { auditDenied } from "@/lib/core/denied";
import { zodFieldErrors } from "@/lib/core/zod-errors";
import { getContext, getSignInStep, type Ctx, type SignInStep } from "@/lib/core/context";
import { can, type Permission } from "@/lib/core/permissions";

import type { ActionResult, FieldErrors } from "@/lib/core/action-result";

export type { ActionResult, FieldErrors };

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again to continue.";
const NOT_FOUND_MESSAGE = "We couldn't find that. It may have been removed, or you may not have access to it.";

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key);
    out[key] = key.endsWith("[]") ? all : all.length > 1 ? all : all[0];
  }
  return out;
}

function toInput(raw: unknown): unknown {
  return raw instanceof FormData ? formDataToObject(raw) : raw;
}

export { zodFieldErrors };

function failure(e: unknown): ActionResult<never> {
  unstable_rethrow(e); // redirect() and notFound() must propagate
  if (e instanceof ValidationError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors, code: e.code };
  if (e instanceof AppError) return { ok: false, error: e.message, code: e.code };
  const requestId = randomUUID().slice(0, 8);
  console.error(`[rapport] request ${requestId} failed:`, e);
  return {
    ok: false,
    requestId,
    error: `Something went wrong on our side and nothing was saved. Try again; if it keeps happening, quote reference ${requestId}.`,
  };
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | ActionResult<never> {
  const parsed = schema.safeParse(toInput(raw));
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, error: "Check the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error), code: "validation" };
}

/**
 * Every signed-in server action runs the same steps: authenticate, parse, authorise, then the
 * mutation (which audits inside its own transaction). Denied and missing look the same.
 */
export function authedAction<S extends z.ZodType, T>(
  opts: { schema: S; permission?: Permission },
  run: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const ctx = await getContext();
      if (!ctx) return { ok: false, error: SIGNED_OUT_MESSAGE, code: "signed_out" };
      const parsed = parse(opts.schema, raw);
      if (!parsed.ok) return parsed;
      if (opts.permission && !can(ctx.role, opts.permission)) {
        await auditDenied(`action:${opts.permission}`);
        return { ok: false, error: NOT_FOUND_MESSAGE, code: "not_found" };
      }
      return { ok: true, data: await run(ctx, parsed.data) };
    } catch (e) {
      if (e instanceof NotFoundError) await auditDenied("action");
      return failure(e);
    }
  };
}

/**
 * Actions of the sign-in steps themselves (the second factor, a required enrolment): they run
 * for a session that is not fully signed in yet, so they can't use authedAction. `steps` lists
 * the states allowed: "verify" (owes a second factor), "enrol" (must set one up), "done" (fully
 * signed in). Anything else is refused before the input is even parsed.
 */
export function signInStepAction<S extends z.ZodType, T>(
  opts: { schema: S; steps: readonly ("verify" | "enrol" | "done")[] },
  run: (step: SignInStep, input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const step = await getSignInStep();
      if (!step) return { ok: false, error: SIGNED_OUT_MESSAGE, code: "signed_out" };
      if (!opts.steps.includes(step.pending ?? "done")) {
        return { ok: false, error: step.pending === "verify" ? "Finish signing in first." : "You're already signed in.", code: "validation" };
      }
      const parsed = parse(opts.schema, raw);
      if (!parsed.ok) return parsed;
      return { ok: true, data: await run(step, parsed.data) };
    } catch (e) {
      return failure(e);
    }
  };
}

/** Actions open to visitors (sign-up, invitation acceptance): parse, then run. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const parsed = parse(schema, raw);
      if (!parsed.ok) return parsed;
      return { ok: true, data: await run(parsed.data) };
    } catch (e) {
      return failure(e);
    }
  };
}
