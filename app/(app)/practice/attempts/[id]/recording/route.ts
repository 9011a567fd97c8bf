import { notFoundResponse, authedRoute } from "@/lib/core/route";
import { getRecording } from "@/lib/practice/attempts";
import { mediaResponse } from "@/lib/practice/media-response";

export const dynamic = "force-dynamic";

/** A spoken practice response: its trainee and their supervisors only (everyone else: not found). */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ permission: "practice.use", audit: "/practice/attempts/[id]/recording" }, async (ctx, _req, { params }) => {
  const { id } = await params;
  const rec = await getRecording(ctx, id);
  if (!rec) return notFoundResponse();
  return mediaResponse(rec.bytes, rec.contentType, "response");
});
