import { publicRoute } from "@/lib/core/route";
import { HOURS_TEMPLATE } from "@/lib/hours/csv";

export const dynamic = "force-static";

// A blank hours spreadsheet: the header and two example rows (no data of any organisation).
export const GET = publicRoute(() => {
  return new Response(HOURS_TEMPLATE, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="rapport-hours-template.csv"' } });
});
