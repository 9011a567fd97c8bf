import { formatDate, STATUS_LABELS } from "@/lib/onboarding/due";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { getCompletionMatrix, type Cursor } from "@/lib/reports/completion";
import { csvLine } from "@/lib/reports/csv-write";
import { matrixFilters } from "@/lib/reports/filters";
import { authedRoute } from "@/lib/core/route";

export const dynamic = "force-dynamic";

/** The completion matrix with the page's filters, every matching member, as CSV. */
export const GET = authedRoute({ permission: "org.reports", audit: "/admin/reports/completion.csv" }, async (ctx, request) => {
  const f = matrixFilters(Object.fromEntries(new URL(request.url).searchParams));
  let after: Cursor | undefined;
  let body = "\ufeff";
  let header = false;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await getCompletionMatrix(ctx, f, { after, pageSize: 500 });
    if (!header) {
      body += csvLine(["name", "email", "role", "cohorts", ...page.modules.flatMap((m) => [m.title, `${m.title} due`])]);
      header = true;
    }
    for (const r of page.rows) {
      body += csvLine([
        r.name,
        r.email,
        ROLE_LABELS[r.role],
        r.cohorts.join("; "),
        ...page.modules.flatMap((m) => {
          const c = r.cells[m.id];
          return c ? [STATUS_LABELS[c.status], c.dueAt ? formatDate(c.dueAt) : ""] : ["Not required", ""];
        }),
      ]);
    }
    if (!page.next) break;
    after = page.next;
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="completion-${day}.csv"`, "Cache-Control": "no-store" },
  });
});
