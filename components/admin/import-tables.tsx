import type { PreviewRow } from "@/lib/onboarding/invite-rows";
import type { ImportOutcome } from "@/lib/onboarding/import";
import { ROLE_LABELS } from "@/lib/permissions";

const SHOW_READY = 500;

export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const problems = rows.filter((r) => r.status === "error");
  const others = rows.filter((r) => r.status !== "error");
  return (
    <div className="space-y-4">
      {problems.length ? (
        <div className="overflow-x-auto rounded-lg border border-red-300 bg-white" tabIndex={0} role="region" aria-label="Rows with problems">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">Rows with problems (not imported)</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Line</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">What to fix</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {problems.map((r) => (
                <tr key={r.line} data-testid="preview-error">
                  <td className="px-3 py-2">{r.line}</td>
                  <td className="px-3 py-2 break-all">{r.email || "—"}</td>
                  <td className="px-3 py-2">{r.problems.join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {others.length ? (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Rows ready to import">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">Rows ready to import</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Line</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Supervisor</th>
                <th scope="col" className="px-3 py-2">Cohort</th>
                <th scope="col" className="px-3 py-2">Note</th>
              </tr>
            </thead>
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
          </table>
          {others.length > SHOW_READY ? <p className="px-3 py-2 text-stone-700">…and {others.length - SHOW_READY} more rows with no problems.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

const OUTCOME_LABELS: Record<ImportOutcome["outcome"], string> = { invited: "Invited", skipped: "Skipped", error: "Not imported" };

export function ResultTable({ results }: { results: ImportOutcome[] }) {
  return (
    <div className="max-h-[32rem] overflow-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} aria-label="Import result, every row">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">What happened to each row</caption>
        <thead className="bg-stone-100">
          <tr>
            <th scope="col" className="px-3 py-2">Line</th>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Result</th>
            <th scope="col" className="px-3 py-2">Details</th>
          </tr>
        </thead>
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
      </table>
    </div>
  );
}
