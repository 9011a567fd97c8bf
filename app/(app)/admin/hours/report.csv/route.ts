import { authedRoute } from "@/lib/core/route";
import { hoursText } from "@/lib/hours/duration";
import { csvLine } from "@/lib/reports/csv-write";
import { hoursReportFilters } from "@/lib/reports/filters";
import { getHoursReport, type HoursReportCursor } from "@/lib/reports/hours";

export const dynamic = "force-dynamic";

/** The hours report with the page's filters, every matching trainee, as CSV (hours as decimals). */
export const GET = authedRoute({ permission: "org.reports", audit: "/admin/hours/report.csv" }, async (ctx, request) => {
  const f = hoursReportFilters(Object.fromEntries(new URL(request.url).searchParams));
  let after: HoursReportCursor | undefined;
  let body = "\ufeff";
  let header = false;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await getHoursReport(ctx, f, { after, pageSize: 500 });
    const lines = page.set?.parsed.lines ?? [];
    const ratio = Boolean(page.set?.parsed.ratio);
    if (!header) {
      body += csvLine([
        "name",
        "email",
        "requirement set",
        ...lines.flatMap((l) => [`${l.label}: approved hours`, `${l.label}: required hours`, `${l.label}: pending hours`]),
        ...(ratio ? ["supervision ratio met", "supervision hours short"] : []),
        "approved hours (all categories)",
        "pending hours",
        "returned hours",
        "last activity",
        "requirements met",
      ]);
      header = true;
    }
    for (const r of page.rows) {
      body += csvLine([
        r.name,
        r.email,
        page.set?.name ?? "",
        ...r.evaluation.lines.flatMap((l) => [hoursText(l.approved), hoursText(l.required), hoursText(l.pending)]),
        ...(r.evaluation.ratio ? [r.evaluation.ratio.met ? "yes" : "no", hoursText(r.evaluation.ratio.remaining)] : []),
        hoursText(r.approvedMinutes),
        hoursText(r.pendingMinutes),
        hoursText(r.returnedMinutes),
        r.lastLoggedOn ?? "",
        page.set ? (r.evaluation.complete ? "yes" : "no") : "",
      ]);
    }
    if (!page.next) break;
    after = page.next;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="hours-${day}.csv"`, "Cache-Control": "no-store" },
  });
});
