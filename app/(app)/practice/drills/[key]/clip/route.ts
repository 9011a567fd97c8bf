import { notFoundResponse, authedRoute } from "@/lib/core/route";
import { getClip } from "@/lib/practice/clips";
import { mediaResponse } from "@/lib/practice/media-response";

export const dynamic = "force-dynamic";

/** The clip of one of the organisation's own drills, for its members. */
export const GET = authedRoute<{ params: Promise<{ key: string }> }>({ permission: "practice.view", audit: "/practice/drills/[key]/clip" }, async (ctx, _req, { params }) => {
  const { key } = await params;
  const clip = await getClip(ctx, key);
  if (!clip) return notFoundResponse();
  return mediaResponse(clip.bytes, clip.type, "clip");
});
