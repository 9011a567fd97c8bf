import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { markRead } from "@/lib/notifications/inbox";
import { auditDenied } from "@/lib/core/denied";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * Following a notification from the inbox: marks it read, then sends the recipient on to what it
 * is about (a path on this site only: markRead checks it with safeCallback, so a stored link can
 * never become an open redirect). Anyone else's notification is not found. Where it leads checks
 * access again by itself.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getContext();
  if (!ctx || !isUuid(id)) return notFound();
  try {
    const { href } = await markRead(ctx, id);
    return new Response(null, { status: 303, headers: { location: href, "cache-control": "private, no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) {
      await auditDenied("route:/inbox/[id]/open");
      return notFound();
    }
    throw e;
  }
}
