import Link from "next/link";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { formatDate, STATUS_LABELS } from "@/lib/onboarding/due";
import type { MatrixRow } from "@/lib/reports/completion";

/** The completion matrix's rows: one per member, one cell per module. */
export function MatrixRows({ rows, modules }: { rows: MatrixRow[]; modules: { id: string }[] }) {
  return rows.map((r) => (
    <tr key={r.membershipId} data-testid="matrix-row">
      <th scope="row" className="text-left font-normal">
        <Link prefetch={false} href={`/admin/members/${r.membershipId}`} className="font-medium">
          {r.name}
        </Link>
        <span className="cm-sub">
          {ROLE_LABELS[r.role]}
          {r.cohorts.length ? ` · ${r.cohorts.join(", ")}` : ""}
        </span>
      </th>
      {modules.map((m) => {
        const c = r.cells[m.id];
        if (!c)
          return (
            <td key={m.id}>
              <span className="text-stone-700">Not required</span>
            </td>
          );
        return (
          <td key={m.id}>
            <span className={`cm-pill cm-${c.status}`}>
              {STATUS_LABELS[c.status]}
              {c.dueAt && c.status !== "complete" ? <span className="cm-due">due {formatDate(c.dueAt)}</span> : null}
            </span>
          </td>
        );
      })}
    </tr>
  ));
}
