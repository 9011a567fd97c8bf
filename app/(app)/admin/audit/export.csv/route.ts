import { listAuditEvents, type AuditCursor } from "@/lib/reports/audit-log";
import { csvLine } from "@/lib/reports/csv-write";
import { auditFilters } from "@/lib/reports/filters";
import { authedRoute } from "@/lib/core/route";

export const dynamic = "force-dynamic";

const MAX_ROWS = 100_000;

/** The filtered audit log as CSV, newest first, read in key-paginated pages. */
export const GET = authedRoute({ permission: "org.audit", audit: "/admin/audit/export.csv" }, async (ctx, request) => {
  const f = auditFilters(Object.fromEntries(new URL(request.url).searchParams));
  let body = "\ufeff" + csvLine(["occurred_at", "actor_name", "actor_email", "action", "outcome", "target_type", "target_id", "detail"]);
  let before: AuditCursor | undefined;
  for (let n = 0; n < MAX_ROWS; ) {
    const page = await listAuditEvents(ctx, f, { before, limit: 1000 });
    for (const r of page.rows) body += csvLine([r.occurredAt, r.actorName, r.actorEmail, r.action, r.outcome, r.targetType, r.targetId, r.detail ? JSON.stringify(r.detail) : ""]);
    n += page.rows.length;
    if (page.next === null) break;
    before = page.next;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`, "Cache-Control": "no-store" },
  });
});
