import { toCsv } from "@/lib/reports/csv-write";
import { publicRoute } from "@/lib/core/route";

export const dynamic = "force-static";

// A blank template with the header and one example row (no data of any organisation).
export const GET = publicRoute(() => {
  const body = toCsv(["email", "name", "role", "supervisor_email", "cohort"], [["alex.trainee@example.org", "Alex Trainee", "trainee", "", "2027 intake"]]);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="rapport-invitations-template.csv"' } });
});
