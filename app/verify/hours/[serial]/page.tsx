import type { Metadata } from "next";
import Link from "next/link";
import { categoryLabel } from "@/lib/hours/categories";
import { longDay } from "@/lib/hours/days";
import { formatDuration, hoursText } from "@/lib/hours/duration";
import { verifySummary } from "@/lib/hours/summaries";
import { formatAuDate } from "@/lib/modules/certificates";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Verify a summary of supervised hours", robots: { index: false } };

// Public: a registration body checks a signed summary against what Rapport issued. It shows what
// the PDF shows (name, organisation, placement, period, approved totals, signers) and nothing more.
export default publicPage(async function VerifyHoursPage({ params }: { params: Promise<{ serial: string }> }) {
  const { serial } = await params;
  const s = await verifySummary(decodeURIComponent(serial).toUpperCase());
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
        <Link href="/" className="no-underline">
          Rapport
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Summary of supervised hours: verification</h1>
      {s ? (
        <div className="mt-6 rounded-lg border border-green-700 bg-green-50 p-6">
          <p className="font-semibold text-green-900">This summary is genuine: Rapport issued it, and it says the following.</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium">Trainee</dt>
            <dd data-testid="verify-name">{s.traineeName}</dd>
            <dt className="font-medium">Organisation</dt>
            <dd>{s.orgName}</dd>
            <dt className="font-medium">Placement</dt>
            <dd>{s.placementName ?? "All placements and supervision sessions"}</dd>
            <dt className="font-medium">Period</dt>
            <dd>
              {longDay(s.from)} to {longDay(s.to)}
            </dd>
            <dt className="font-medium">Issued</dt>
            <dd>{formatAuDate(s.issuedAt)}</dd>
            <dt className="font-medium">Serial</dt>
            <dd>{s.serial}</dd>
            <dt className="font-medium">Approved hours</dt>
            <dd data-testid="verify-total">{hoursText(s.totalMinutes)} ({formatDuration(s.totalMinutes)})</dd>
          </dl>
          <table className="mt-4 w-full text-left text-sm">
            <caption className="text-left font-semibold">By category</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4">Category</th>
                <th scope="col" className="py-1">Hours</th>
              </tr>
            </thead>
            <tbody>
              {s.totals.map((t) => (
                <tr key={t.category}>
                  <th scope="row" className="py-1 pr-4 text-left font-normal">{categoryLabel(t.category)}</th>
                  <td className="py-1">{hoursText(t.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-4 text-sm">
            {s.approvals.length} {s.approvals.length === 1 ? "approval" : "approvals"}, signed by {[...new Set(s.approvals.map((a) => a.supervisorName))].join(", ") || "nobody"}.
          </p>
        </div>
      ) : (
        <div className="mt-6 rounded-lg border border-red-700 bg-red-50 p-6">
          <p className="font-semibold text-red-900">We have no summary with this serial.</p>
          <p className="mt-2">Check the serial on the summary (it looks like RAP-XXXX-XXXX-XXXX-XXXX) and try again.</p>
        </div>
      )}
    </main>
  );
});
