import { authedRoute } from "@/lib/core/route";
import { markRead } from "@/lib/notifications/inbox";
import { NotFoundError } from "@/lib/core/errors";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

/**
 * Following a notification from the inbox: marks it read, then sends the recipient on to what it
 * is about (a path on this site only: markRead checks it with safeCallback, so a stored link can
 * never become an open redirect). Anyone else's notification is not found. Where it leads checks
 * access again by itself.
 */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ audit: "/inbox/[id]/open" }, async (ctx, _req, { params }) => {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const { href } = await markRead(ctx, id);
  return new Response(null, { status: 303, headers: { location: href, "cache-control": "private, no-store" } });
});
