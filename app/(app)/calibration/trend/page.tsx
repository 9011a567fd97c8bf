import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ALPHA_CONVENTIONS, formatAlpha, readAlpha } from "@/lib/calibration/agreement";
import type { AlphaResult } from "@/lib/calibration/alpha";
import { getTrend } from "@/lib/calibration/view";
import { CONDITIONS } from "@/lib/cases/codes";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Calibration: agreement over time" };

const cell = "px-3 py-2 align-top";
const short = (code: string) => CONDITIONS.find((c) => c.code === code)?.short ?? code;

/** A bar from 0 to 1 beside the figure (decorative: the figure and words carry the meaning). */
function Bar({ r }: { r: AlphaResult }) {
  const width = r.alpha === null ? 0 : Math.max(0, Math.min(1, r.alpha)) * 100;
  return (
    <span aria-hidden="true" className="ml-2 inline-block h-2 w-24 rounded bg-stone-200 align-middle">
      <span className="block h-2 rounded bg-brand-700" style={{ width: `${width}%` }} />
    </span>
  );
}

function change(earlier: AlphaResult, later: AlphaResult): string {
  if (earlier.alpha === null || later.alpha === null) return "Not enough ratings to compare";
  const d = later.alpha - earlier.alpha;
  if (Math.abs(d) < 0.05) return "About the same";
  return d > 0 ? `Higher by ${d.toFixed(2)}` : `Lower by ${(-d).toFixed(2)}`;
}

export default authedPage({ permission: "calibration.view" }, async function CalibrationTrendPage(ctx) {
  const t = await getTrend(ctx);
  const supervisor = ctx.role === "supervisor";
  return (
    <>
      <PageHeader
        title="Agreement over time"
        description={
          supervisor
            ? "The closed rounds you submitted a review in, oldest first: whether the group's ratings are coming closer together."
            : "Closed calibration rounds, oldest first: whether supervisors' ratings are coming closer together."
        }
      />
      <p className="mb-4 max-w-3xl text-sm text-stone-700">{ALPHA_CONVENTIONS}</p>
      {t.rounds.length === 0 ? (
        <p className="text-stone-700">
          No closed rounds yet. <Link href="/calibration">Back to calibration</Link>
        </p>
      ) : (
        <div className="space-y-8">
          <DataTable label="Agreement in each round" caption="Agreement in each closed round, oldest first" showCaption columns={["Round", "Closed", "Reviews", "Alpha (ordinal)", "Reading"]}>
            <tbody className="divide-y divide-stone-200">
              {t.rounds.map((r) => (
                <tr key={r.id} data-testid="trend-row">
                  <td className={cell}>
                    <Link href={`/calibration/${r.id}`}>{r.name}</Link>
                  </td>
                  <td className={cell}>{formatDate(r.closedAt)}</td>
                  <td className={cell}>{r.reviews}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {formatAlpha(r.overall)}
                    <Bar r={r.overall} />
                  </td>
                  <td className={cell}>{readAlpha(r.overall)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <section aria-labelledby="halves" className="space-y-2">
            <h2 id="halves" className="text-lg font-semibold">
              Earlier rounds against recent ones
            </h2>
            <p className="max-w-3xl text-sm text-stone-700">
              The rounds are split in two halves by date. For each condition, every round&apos;s case is one unit, so these figures need several rounds before they mean much.
            </p>
            <DataTable label="Agreement per condition, earlier and recent rounds" caption="Agreement per condition across rounds" columns={["Condition", "All rounds", "Earlier half", "Recent half", "Change"]}>
              <tbody className="divide-y divide-stone-200">
                <tr>
                  <th scope="row" className={`${cell} font-medium`}>
                    All conditions together
                  </th>
                  <td className={cell}>—</td>
                  <td className={cell}>{formatAlpha(t.pooled.earlier)}</td>
                  <td className={cell}>{formatAlpha(t.pooled.later)}</td>
                  <td className={cell}>{change(t.pooled.earlier, t.pooled.later)}</td>
                </tr>
                {t.conditions.map((c) => (
                  <tr key={c.code}>
                    <th scope="row" className={`${cell} font-medium`}>
                      {short(c.code)}
                    </th>
                    <td className={cell}>{formatAlpha(c.all)}</td>
                    <td className={cell}>{formatAlpha(c.earlier)}</td>
                    <td className={cell}>{formatAlpha(c.later)}</td>
                    <td className={cell}>{change(c.earlier, c.later)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        </div>
      )}
    </>
  );
});
