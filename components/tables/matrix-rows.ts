import { ROLE_LABELS } from "@/lib/core/permissions";
import { formatDate, STATUS_LABELS } from "@/lib/onboarding/due";
import type { MatrixRow } from "@/lib/reports/completion";
import { html } from "@/lib/util/html";

/**
 * The completion matrix's rows (one per member, one cell per module) as one escaped HTML string
 * for a `<tbody dangerouslySetInnerHTML>`, not React elements: measured with scripts/bench/ab.ts
 * (docs/BENCHMARKS-AB.md), the page served 2.3 times the requests per second this way (median 23
 * vs 10 req/s, 3 alternating rounds; React rows with plain links instead of Link: 9 vs 4-5), far
 * beyond the run's noise. The member list and review queue showed no difference beyond noise and
 * render with React (components/tables/). Every value is escaped by lib/util/html.ts.
 */
export function matrixRowsHtml(rows: MatrixRow[], modules: { id: string }[]): string {
  return html`${rows.map(
    (r) =>
      html`<tr data-testid="matrix-row"><th scope="row" class="text-left font-normal"><a href="/admin/members/${r.membershipId}" class="font-medium">${r.name}</a><span class="cm-sub">${ROLE_LABELS[r.role]}${r.cohorts.length ? ` · ${r.cohorts.join(", ")}` : ""}</span></th>${modules.map((m) => {
        const c = r.cells[m.id];
        if (!c) return html`<td><span class="text-stone-700">Not required</span></td>`;
        const due = c.dueAt && c.status !== "complete" ? html`<span class="cm-due">due ${formatDate(c.dueAt)}</span>` : null;
        return html`<td><span class="cm-pill cm-${c.status}">${STATUS_LABELS[c.status]}${due}</span></td>`;
      })}</tr>`,
  )}`.value;
}
