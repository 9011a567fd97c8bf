"use client";

import { useId, useState } from "react";
import { importCsvAction, importPasteAction, previewCsvAction, previewPasteAction } from "@/lib/onboarding/actions/invitations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { PersonPicker, SearchPicker } from "@/components/ui/search-picker";
import { CsvFileInput, useImportFlow } from "@/components/ui/use-import-flow";
import { countOutcomes } from "@/lib/util/count";
import type { ImportOutcome } from "@/lib/onboarding/import";
import type { PreviewRow } from "@/lib/onboarding/invite-rows";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";
import { PreviewTable, ResultTable } from "./import-tables";

type Source = { kind: "csv"; data: FormData } | { kind: "paste"; data: Record<string, string> };

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2";

/**
 * Upload a CSV or paste a list. The paste's supervisor and cohort are searched as the admin types
 * (the page carries none of the organisation's people); the server matches them again, by email
 * and by name, when it checks the list.
 */
export function ImportPanel() {
  const id = useId();
  const flow = useImportFlow<PreviewRow, ImportOutcome, Source>((s) => (s.kind === "csv" ? importCsvAction(s.data) : importPasteAction(s.data)));
  const { preview, results, pending } = flow;
  const [paste, setPaste] = useState({ text: "", role: "trainee", supervisorEmail: "", cohort: "" });

  function checkFile() {
    const data = flow.chosenFile();
    if (data) flow.check("file", { kind: "csv", data }, () => previewCsvAction(data));
  }

  function checkPaste() {
    if (!paste.text.trim()) return flow.refuse("text", "Paste at least one email address, one per line.");
    const data = { ...paste };
    flow.check("text", { kind: "paste", data }, () => previewPasteAction(data));
  }

  const counts = results ? countOutcomes(results, ["invited", "skipped", "error"]) : null;

  return (
    <div className="space-y-8">
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby={`${id}-csv`} className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id={`${id}-csv`} className="text-lg font-semibold">Upload a CSV file</h2>
          <p className="mt-1 text-sm text-stone-700">
            Columns: <code>email, name, role, supervisor_email, cohort</code>. The first line must be this header. UTF-8, up to 5,000 rows.{" "}
            <a href="/admin/invitations/import/template">Download a template</a>.
          </p>
          <CsvFileInput id={`${id}-file`} fileRef={flow.fileRef} error={flow.fieldErrors.file} onChange={flow.reset} />
          <Button className="mt-4" variant="secondary" onClick={checkFile} disabled={pending}>Check file</Button>
        </section>

        <section aria-labelledby={`${id}-paste`} className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id={`${id}-paste`} className="text-lg font-semibold">Paste email addresses</h2>
          <div className="mt-4 space-y-4">
            <TextArea
              label="Email addresses, one per line"
              hint="“Name <email>” or “email, name” also work."
              rows={6}
              value={paste.text}
              maxLength={600000}
              onChange={(e) => setPaste({ ...paste, text: e.target.value })}
              error={flow.fieldErrors.text}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <div>
                <label htmlFor={`${id}-role`} className="block text-sm font-medium text-stone-800">Role for everyone</label>
                <select id={`${id}-role`} className={selectClass} value={paste.role} onChange={(e) => setPaste({ ...paste, role: e.target.value, supervisorEmail: e.target.value === "trainee" ? paste.supervisorEmail : "" })}>
                  {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                </select>
              </div>
              {paste.role === "trainee" ? (
                <PersonPicker
                  id={`${id}-sup`}
                  name="supervisorEmail"
                  label="Supervisor"
                  role="supervisor"
                  onChange={(p) => setPaste((v) => ({ ...v, supervisorEmail: p?.email ?? "" }))}
                />
              ) : (
                <p className="self-end text-sm text-stone-700">Only trainees get a supervisor.</p>
              )}
              <SearchPicker id={`${id}-cohort`} name="cohort" label="Cohort" source="cohort" onChange={(c) => setPaste((v) => ({ ...v, cohort: c?.label ?? "" }))} />
            </div>
          </div>
          <Button className="mt-4" variant="secondary" onClick={checkPaste} disabled={pending}>Check list</Button>
        </section>
      </div>

      <div aria-live="polite" className="space-y-4">
        {pending ? <p className="text-stone-700">Working…</p> : null}
        {flow.formError ? <Alert tone="error">{flow.formError}</Alert> : null}
        {preview ? (
          <section aria-labelledby={`${id}-preview`} className="space-y-4">
            <h2 id={`${id}-preview`} className="text-lg font-semibold">Preview</h2>
            <p data-testid="preview-summary">
              {preview.summary.ready} ready to invite, {preview.summary.skip} already invited, {preview.summary.error} with problems. Nothing has been sent yet.
            </p>
            <PreviewTable rows={preview.rows} />
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
                {counts.invited} invited, {counts.skipped} skipped, {counts.error} not imported.
              </span>{" "}
              Invitations are in the <a href="/admin/outbox">outbox</a> (or on their way, if email is set up).
            </Alert>
            <ResultTable results={results} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
