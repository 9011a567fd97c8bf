"use client";

import { useRef, useState, useTransition, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { FieldMessage } from "@/components/ui/field";
import type { ActionResult } from "@/lib/core/action-result";
import { csvFileProblem } from "@/lib/onboarding/csv";

// The check-then-import flow both CSV imports share (invitations, hours): check a source on the
// server (nothing saved), show the preview, import exactly what was checked, show every row's
// outcome. Errors from the check go next to the field that was checked; others above the preview.

export type ImportPreview<Row> = { rows: Row[]; summary: { ready: number; skip: number; error: number } };

export function useImportFlow<Row, Outcome, Source>(doImport: (source: Source) => Promise<ActionResult<{ results: Outcome[] }>>) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview<Row> | null>(null);
  const [results, setResults] = useState<Outcome[] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function reset() {
    setPreview(null);
    setResults(null);
    setFormError(null);
    setFieldErrors({});
  }

  /** Shows a problem found in the browser next to `field`, in place of any earlier result. */
  function refuse(field: string, message: string) {
    reset();
    setFieldErrors({ [field]: message });
  }

  /** Checks `source` with the server; a refusal goes next to `field` when the server names it. */
  function check(field: string, source: Source, preview: (source: Source) => Promise<ActionResult<ImportPreview<Row>>>) {
    reset();
    start(async () => {
      const r = await preview(source);
      if (!r.ok) {
        const message = Object.values(r.fieldErrors ?? {}).find((m) => m?.[0])?.[0];
        if (message) setFieldErrors({ [field]: message });
        else setFormError(r.error);
        return;
      }
      setSource(source);
      setPreview(r.data);
    });
  }

  /** The chosen file as form data, or undefined after showing what is wrong with it. */
  function chosenFile(field = "file"): FormData | undefined {
    const file = fileRef.current?.files?.[0];
    const problem = csvFileProblem(file);
    if (problem !== undefined || !file) {
      refuse(field, problem ?? "Choose a CSV file to upload.");
      return undefined;
    }
    const data = new FormData();
    data.set("file", file);
    return data;
  }

  function runImport() {
    if (!source) return;
    start(async () => {
      const r = await doImport(source);
      if (!r.ok) return setFormError(r.error);
      setResults(r.data.results);
      setPreview(null);
      router.refresh();
    });
  }

  return { fileRef, pending, preview, results, fieldErrors, formError, reset, refuse, check, chosenFile, runImport };
}

/** The labelled CSV file input with its message. */
export function CsvFileInput({ id, fileRef, error, onChange }: { id: string; fileRef: RefObject<HTMLInputElement | null>; error?: string; onChange: () => void }) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">CSV file</label>
      <input
        ref={fileRef}
        id={id}
        type="file"
        accept=".csv,text/csv"
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-3"
      />
      <FieldMessage id={id} error={error} />
    </div>
  );
}
