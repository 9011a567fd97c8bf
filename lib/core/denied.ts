import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { audit } from "@/lib/core/audit";
import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";

/** Records a refused access (wrong role, another organisation, or nothing there) for the audit log. */
export async function auditDenied(what: string): Promise<void> {
  try {
    const ctx = await getContext();
    await audit(await getDb(), { organisationId: ctx?.orgId ?? null, actorUserId: ctx?.userId ?? null, action: "access.denied", outcome: "denied", detail: { what } });
  } catch {
    /* auditing a refusal must never turn it into an error */
  }
}

/** For pages: a data-layer NotFoundError becomes the not-found page (and an audit event). */
export async function orNotFound<T>(p: Promise<T>, what = "page"): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFoundError) {
      await auditDenied(what);
      notFound();
    }
    throw e;
  }
}
