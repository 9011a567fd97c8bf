import { createHash, timingSafeEqual } from "node:crypto";
import { runReminders } from "@/lib/onboarding/reminders";
import { publicRoute } from "@/lib/core/route";

export const dynamic = "force-dynamic";

// For a scheduler: POST with "Authorization: Bearer $REMINDERS_TOKEN". Without REMINDERS_TOKEN
// configured the route doesn't exist (404), so it is never open by accident.
function authorised(header: string | null, expected: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  // Compare fixed-length digests so neither the content nor the length leaks through timing.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

async function handle(request: Request) {
  const expected = process.env.REMINDERS_TOKEN;
  if (!expected) return new Response("Not found", { status: 404 });
  if (!authorised(request.headers.get("authorization"), expected)) {
    return Response.json({ error: "Send the scheduler token as: Authorization: Bearer <REMINDERS_TOKEN>." }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const result = await runReminders();
  return Response.json({ status: "ok", ...result });
}

export const POST = publicRoute(handle);

export const GET = publicRoute(() => {
  return process.env.REMINDERS_TOKEN
    ? Response.json({ error: "Use POST." }, { status: 405, headers: { Allow: "POST" } })
    : new Response("Not found", { status: 404 });
});
