import type { PreviewRow } from "@/lib/onboarding/invite-rows";
import type { ImportOutcome } from "@/lib/onboarding/import";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { DataTable } from "@/components/ui/data-table";

const SHOW_READY = 500;

export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const problems = rows.filter((r) => r.status === "error");
  const others = rows.filter((r) => r.status !== "error");
  return (
    <div className="space-y-4">
      {problems.length ? (
        <DataTable label="Rows with problems" tone="problem" caption="Rows with problems (not imported)" showCaption columns={["Line", "Email", "What to fix"]}>
          <tbody className="divide-y divide-stone-200">
              {problems.map((r) => (
                <tr key={r.line} data-testid="preview-error">
                  <td className="px-3 py-2">{r.line}</td>
                  <td className="px-3 py-2 break-all">{r.email || "—"}</td>
                  <td className="px-3 py-2">{r.problems.join(" ")}</td>
                </tr>
              ))}
            </tbody>
        </DataTable>
      ) : null}
      {others.length ? (
        <DataTable
          label="Rows ready to import"
          caption="Rows ready to import"
          showCaption
          columns={["Line", "Email", "Name", "Role", "Supervisor", "Cohort", "Note"]}
          footer={others.length > SHOW_READY ? <p className="px-3 py-2 text-stone-700">…and {others.length - SHOW_READY} more rows with no problems.</p> : null}
        >
          <tbody className="divide-y divide-stone-200">
              {others.slice(0, SHOW_READY).map((r) => (
                <tr key={r.line} data-testid="preview-ready">
                  <td className="px-3 py-2">{r.line}</td>
                  <td className="px-3 py-2 break-all">{r.email}</td>
                  <td className="px-3 py-2">{r.name || "—"}</td>
                  <td className="px-3 py-2">{r.role ? ROLE_LABELS[r.role] : "—"}</td>
                  <td className="px-3 py-2 break-all">{r.supervisorEmail || "—"}</td>
                  <td className="px-3 py-2">{r.cohort || "—"}</td>
                  <td className="px-3 py-2">{r.status === "skip" ? r.note : (r.note ?? "Ready")}</td>
                </tr>
              ))}
            </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}

const OUTCOME_LABELS: Record<ImportOutcome["outcome"], string> = { invited: "Invited", skipped: "Skipped", error: "Not imported" };

export function ResultTable({ results }: { results: ImportOutcome[] }) {
  return (
    <DataTable frameClass="max-h-[32rem] overflow-auto" label="Import result, every row" caption="What happened to each row" showCaption columns={["Line", "Email", "Result", "Details"]}>
      <tbody className="divide-y divide-stone-200">
          {results.map((r) => (
            <tr key={r.line} data-testid="result-row">
              <td className="px-3 py-2">{r.line}</td>
              <td className="px-3 py-2 break-all">{r.email || "—"}</td>
              <td className="px-3 py-2 font-medium">{OUTCOME_LABELS[r.outcome]}</td>
              <td className="px-3 py-2">{r.message}</td>
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}
