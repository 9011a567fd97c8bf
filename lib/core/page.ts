import "server-only";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { auditDenied } from "./denied";
import { NotFoundError } from "./errors";
import { requireContext, type Ctx } from "./context";
import { can, type Permission } from "./permissions";

// The one way into a page. Signed-in pages resolve the caller (visitors go to sign-in), check the
// page's permission, and turn a data-layer NotFoundError into the not-found page; every refusal is
// audited the same way a refused server action is. A page never answers "forbidden": not-found
// tells someone outside the organisation, or in the wrong role, nothing.

type Render<P> = (ctx: Ctx, props: P) => ReactNode | Promise<ReactNode>;

async function refuse(what: string): Promise<never> {
  await auditDenied(what);
  notFound();
}

export function authedPage<P = Record<string, never>>(render: Render<P>): (props: P) => Promise<ReactNode>;
export function authedPage<P = Record<string, never>>(opts: { permission?: Permission }, render: Render<P>): (props: P) => Promise<ReactNode>;
export function authedPage<P>(a: { permission?: Permission } | Render<P>, b?: Render<P>) {
  const opts = typeof a === "function" ? {} : a;
  const render = (typeof a === "function" ? a : b) as Render<P>;
  return async function AuthedPage(props: P): Promise<ReactNode> {
    const ctx = await requireContext();
    if (opts.permission && !can(ctx.role, opts.permission)) return refuse(`page:${opts.permission}`);
    try {
      return await render(ctx, props);
    } catch (e) {
      if (e instanceof NotFoundError) return refuse("page");
      throw e;
    }
  };
}

/** Pages open to visitors (sign-in, invitations, certificate verification): errors translated the same way. */
export function publicPage<P = Record<string, never>>(render: (props: P) => ReactNode | Promise<ReactNode>) {
  return async function PublicPage(props: P): Promise<ReactNode> {
    try {
      return await render(props);
    } catch (e) {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }
  };
}
