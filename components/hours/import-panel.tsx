"use client";

import Link from "next/link";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { CsvFileInput, useImportFlow } from "@/components/ui/use-import-flow";
import { countOutcomes } from "@/lib/util/count";
import { importHoursCsvAction, previewHoursCsvAction } from "@/lib/hours/actions/import";
import { categoryLabel } from "@/lib/hours/categories";
import { formatDuration } from "@/lib/hours/duration";
import type { ImportOutcome, PreviewRow } from "@/lib/hours/import";

const SHOW = 500;
const OUTCOME: Record<ImportOutcome["outcome"], string> = { added: "Added", skipped: "Skipped", error: "Not imported" };

/** Upload, check every row (nothing saved), then import the valid rows as drafts. */
export function HoursImportPanel({ placements }: { placements: string[] }) {
  const id = useId();
  const flow = useImportFlow<PreviewRow, ImportOutcome, FormData>(importHoursCsvAction);
  const { preview, results, pending } = flow;

  function check() {
    const data = flow.chosenFile();
    if (data) flow.check("file", data, previewHoursCsvAction);
  }

  const problems = preview?.rows.filter((r): r is Extract<PreviewRow, { status: "error" }> => r.status === "error") ?? [];
  const others = preview?.rows.filter((r): r is Exclude<PreviewRow, { status: "error" }> => r.status !== "error") ?? [];
  const counts = results ? countOutcomes(results, ["added", "skipped", "error"]) : null;

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-csv`} className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id={`${id}-csv`} className="text-lg font-semibold">Upload a CSV file</h2>
        <p className="mt-1 text-sm text-stone-700">
          Columns: <code>date, duration, category, placement, note</code>, with this header on the first line. Dates as 2027-03-01 or 1/3/2027; durations as 1:30 or 1.5.
          {placements.length === 1 ? ` Placement may be left empty: it will be ${placements[0]}.` : ` Placement is one of: ${placements.join(", ")}.`} UTF-8, up to 5,000 rows.{" "}
          <a href="/hours/import/template">Download a template</a>.
        </p>
        <CsvFileInput id={`${id}-file`} fileRef={flow.fileRef} error={flow.fieldErrors.file} onChange={flow.reset} />
        <Button className="mt-4" variant="secondary" onClick={check} disabled={pending}>Check file</Button>
      </section>

      <div aria-live="polite" className="space-y-4">
        {pending ? <p className="text-stone-700">Working…</p> : null}
        {flow.formError ? <Alert tone="error">{flow.formError}</Alert> : null}
        {preview ? (
          <section aria-labelledby={`${id}-preview`} className="space-y-4">
            <h2 id={`${id}-preview`} className="text-lg font-semibold">Preview</h2>
            <p data-testid="preview-summary">
              {preview.summary.ready} ready to add, {preview.summary.skip} already imported, {preview.summary.error} with problems. Nothing has been saved yet.
            </p>
            {problems.length ? (
              <DataTable label="Rows with problems" tone="problem" caption="Rows with problems (not imported)" showCaption columns={["Line", "Date", "Duration", "Category", "What to fix"]}>
                <tbody className="divide-y divide-stone-200">
                  {problems.map((r) => (
                    <tr key={r.line} data-testid="preview-error">
                      <td className="px-3 py-2">{r.line}</td>
                      <td className="px-3 py-2">{r.date || "—"}</td>
                      <td className="px-3 py-2">{r.duration || "—"}</td>
                      <td className="px-3 py-2">{r.category || "—"}</td>
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
                columns={["Line", "Date", "Duration", "Category", "Placement", "Note", "Status"]}
                footer={others.length > SHOW ? <p className="px-3 py-2 text-stone-700">…and {others.length - SHOW} more rows with no problems.</p> : null}
              >
                <tbody className="divide-y divide-stone-200">
                  {others.slice(0, SHOW).map((r) => (
                    <tr key={r.line} data-testid="preview-ready">
                      <td className="px-3 py-2">{r.line}</td>
                      <td className="px-3 py-2">{r.day}</td>
                      <td className="px-3 py-2">{formatDuration(r.minutes)}</td>
                      <td className="px-3 py-2">{categoryLabel(r.category)}</td>
                      <td className="px-3 py-2">{r.placementName}</td>
                      <td className="px-3 py-2">{r.note || "—"}</td>
                      <td className="px-3 py-2">{r.status === "skip" ? "Already imported" : "Ready"}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
            {preview.summary.ready > 0 ? (
              <Button onClick={flow.runImport} disabled={pending}>
                Import {preview.summary.ready} valid {preview.summary.ready === 1 ? "row" : "rows"}
              </Button>
            ) : (
              <Alert tone="warning">No rows are ready to import. Fix the problems above and check again.</Alert>
            )}
          </section>
        ) : null}
        {results && counts ? (
          <section aria-labelledby={`${id}-result`} className="space-y-4">
            <h2 id={`${id}-result`} className="text-lg font-semibold">Import finished</h2>
            <Alert tone="success">
              <span data-testid="import-summary">
                {counts.added} added, {counts.skipped} skipped, {counts.error} not imported.
              </span>{" "}
              They are drafts: <Link href="/hours">submit them from your hours</Link>.
            </Alert>
            <DataTable frameClass="max-h-[32rem] overflow-auto" label="Import result, every row" caption="What happened to each row" showCaption columns={["Line", "Result", "Details"]}>
              <tbody className="divide-y divide-stone-200">
                {results.map((r) => (
                  <tr key={r.line} data-testid="result-row">
                    <td className="px-3 py-2">{r.line}</td>
                    <td className="px-3 py-2 font-medium">{OUTCOME[r.outcome]}</td>
                    <td className="px-3 py-2">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        ) : null}
      </div>
    </div>
  );
}
