import "server-only";
import { notFound } from "next/navigation";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { getCase } from "@/lib/cases/queries";
import { UUID } from "@/components/cases/format";

/** For pages: a malformed id, someone else's case and a missing case all become the 404 page. */
export async function loadCaseOr404(ctx: Ctx, id: string, via?: string) {
  if (!UUID.test(id)) notFound();
  return getCase(ctx, id, { via }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
}
