import "server-only";
import { auditDenied } from "./denied";
import { AppError, NotFoundError } from "./errors";
import { getContext, type Ctx } from "./context";
import { can, type Permission } from "./permissions";

// The one way into a route handler, with the same steps as a page and a server action: resolve the
// caller, check the permission, run, and translate typed errors into one answer each. Signed out,
// wrong role, another organisation and nothing-there all answer the same plain 404 (audited when
// someone signed in was refused), so a handler cannot leak which of them it was.

type Handler<C> = (ctx: Ctx, request: Request, context: C) => Promise<Response> | Response;

const PRIVATE = { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" };

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: PRIVATE });
}

function errorResponse(e: AppError): Response {
  const status = e.code === "not_found" ? 404 : e.code === "conflict" ? 409 : e.code === "rate_limited" ? 429 : 400;
  return new Response(e.code === "not_found" ? "Not found" : e.message, { status, headers: PRIVATE });
}

export function authedRoute<C = unknown>(opts: { permission?: Permission; audit: string }, handler: Handler<C>) {
  return async function AuthedRoute(request: Request, context: C): Promise<Response> {
    const ctx = await getContext();
    if (!ctx) return notFoundResponse();
    if (opts.permission && !can(ctx.role, opts.permission)) {
      await auditDenied(`route:${opts.audit}`);
      return notFoundResponse();
    }
    try {
      return await handler(ctx, request, context);
    } catch (e) {
      if (e instanceof NotFoundError) await auditDenied(`route:${opts.audit}`);
      if (e instanceof AppError) return errorResponse(e);
      throw e;
    }
  };
}

/** Route handlers open to visitors (health, sign-out, the scheduler hook): typed errors translated the same way. */
export function publicRoute<C = unknown>(handler: (request: Request, context: C) => Promise<Response> | Response) {
  return async function PublicRoute(request: Request, context?: C): Promise<Response> {
    try {
      return await handler(request, context as C);
    } catch (e) {
      if (e instanceof AppError) return errorResponse(e);
      throw e;
    }
  };
}
