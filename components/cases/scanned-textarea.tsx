"use client";

import { useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldMessage, fieldIds } from "@/components/ui/field";
import type { Finding } from "@/lib/cases/identifiers";
import type { Dismissal } from "@/lib/cases/identifier-check";
import type { RiskFinding } from "@/lib/cases/risk-language";

type Flag = Finding & { dismissed?: Dismissal };

/**
 * A textarea whose suspected identifiers are highlighted in place (a mirror layer behind the
 * transparent textarea draws the marks), with each finding listed below with its reason, a
 * button to select it in the field, and (where a dismissal can be recorded) a way to dismiss it as
 * a false positive with a reason. Registered with react-hook-form (`registration`), or controlled
 * (`onValueChange`).
 */
export function ScannedTextArea(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  findings: Flag[];
  registration?: UseFormRegisterReturn;
  /** controlled use, without react-hook-form */
  name?: string;
  onValueChange?: (value: string) => void;
  onBlur?: () => void;
  maxLength: number;
  rows?: number;
  readOnly?: boolean;
  /** Without it, flags can't be dismissed: the person removes or rewords the detail. */
  onDismiss?: (f: Finding, reason: string) => Promise<string | null>;
  /** What the flags mean for this field, shown under them (e.g. that sharing waits for them). */
  flagNote?: ReactNode;
  /** Phrases that suggest a risk to someone: highlighted too, with a prompt to complete the Risk section. */
  riskFindings?: RiskFinding[];
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const mirror = useRef<HTMLDivElement | null>(null);
  const open = props.findings.filter((f) => !f.dismissed);
  const dismissed = props.findings.filter((f) => f.dismissed);
  const summaryId = `${id}-flags`;
  const described = [fieldIds(id, props.hint, props.error), open.length ? summaryId : null, (props.riskFindings ?? []).length ? `${id}-risk` : null].filter(Boolean).join(" ") || undefined;
  const { ref: registeredRef, ...registered } = props.registration ?? ({} as Partial<UseFormRegisterReturn>);
  const controlled = {
    name: props.name,
    value: props.value,
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => props.onValueChange?.(e.target.value),
    onBlur: () => props.onBlur?.(),
  };

  const risks = props.riskFindings ?? [];
  const riskId = `${id}-risk`;
  const marks = [...open.map((f) => ({ start: f.start, end: f.end, key: f.key, text: f.text, risk: false })), ...risks.map((f) => ({ start: f.start, end: f.end, key: f.key, text: f.text, risk: true }))].sort(
    (a, b) => a.start - b.start || Number(a.risk) - Number(b.risk),
  );
  const segments: ReactNode[] = [];
  let at = 0;
  for (const f of marks) {
    // findings from the server lag the text while the person types: mark only what still matches
    if (f.start < at || f.end > props.value.length || ("text" in f && props.value.slice(f.start, f.end) !== f.text)) continue;
    segments.push(props.value.slice(at, f.start));
    segments.push(
      <mark key={`${f.start}:${f.key}`} className={f.risk ? "rounded-sm bg-rose-200 text-transparent underline decoration-rose-800 decoration-2" : "rounded-sm bg-amber-300 text-transparent"}>
        {props.value.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  segments.push(props.value.slice(at) + "\n");

  function select(f: Finding) {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.start, f.end);
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-stone-700">
          {props.hint}
        </p>
      ) : null}
      <div className="relative mt-1 rounded-md bg-white">
        <div
          ref={mirror}
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap break-words rounded-md border border-transparent px-3 py-2 text-base leading-6 text-transparent"
        >
          {segments}
        </div>
        <textarea
          id={id}
          {...(props.registration ? registered : controlled)}
          ref={(el) => {
            registeredRef?.(el);
            area.current = el;
          }}
          rows={props.rows ?? 6}
          maxLength={props.maxLength}
          readOnly={props.readOnly}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
          className="relative block w-full resize-y whitespace-pre-wrap break-words rounded-md border border-stone-400 bg-transparent px-3 py-2 text-base leading-6 text-stone-900 shadow-sm aria-[invalid=true]:border-red-700"
        />
      </div>
      <p className="mt-1 text-right text-xs text-stone-700">
        {props.value.length} of {props.maxLength} characters
      </p>
      <FieldMessage id={id} error={props.error} />
      {risks.length ? (
        <div id={riskId} className="mt-2 rounded-md border border-rose-800 bg-rose-50 p-3 text-sm text-rose-950">
          <p className="font-semibold">This may describe a risk to someone</p>
          <ul className="mt-1 list-disc pl-5">
            {risks.map((f) => (
              <li key={`${f.start}:${f.key}`}>
                &ldquo;{f.text}&rdquo;: {f.reason}
              </li>
            ))}
          </ul>
          <p className="mt-1">
            <a href="#risk-section">Go to the Risk section</a>. This is a prompt, not a block: your draft saves as usual.
          </p>
        </div>
      ) : null}
      <FlagList id={summaryId} findings={open} onSelect={select} onDismiss={props.onDismiss} readOnly={props.readOnly} note={props.flagNote} />
      {dismissed.length ? (
        <details className="mt-2 text-sm text-stone-800">
          <summary className="min-h-11 cursor-pointer py-2">
            {dismissed.length === 1 ? "1 flag dismissed" : `${dismissed.length} flags dismissed`} as not an identifier
          </summary>
          <ul className="list-disc pl-5">
            {dismissed.map((f) => (
              <li key={`${f.start}:${f.key}`}>
                &ldquo;{f.text}&rdquo;: {f.dismissed?.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** The open flags of one field, each with its reason; used under a textarea and under a short field. */
export function FlagList(props: {
  id: string;
  findings: Finding[];
  onSelect?: (f: Finding) => void;
  onDismiss?: (f: Finding, reason: string) => Promise<string | null>;
  readOnly?: boolean;
  note?: ReactNode;
}) {
  if (!props.findings.length) return null;
  const n = props.findings.length;
  return (
    <div id={props.id} className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{n === 1 ? "1 possible identifier" : `${n} possible identifiers`} in this field</p>
      <ul className="mt-2 space-y-3">
        {props.findings.map((f) => (
          <FlagItem key={`${f.start}:${f.key}`} finding={f} onSelect={props.onSelect ? () => props.onSelect?.(f) : undefined} onDismiss={props.onDismiss} readOnly={props.readOnly} />
        ))}
      </ul>
      {props.note ? <p className="mt-2">{props.note}</p> : null}
    </div>
  );
}

function FlagItem({
  finding,
  onSelect,
  onDismiss,
  readOnly,
}: {
  finding: Finding;
  onSelect?: () => void;
  onDismiss?: (f: Finding, reason: string) => Promise<string | null>;
  readOnly?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  async function confirm() {
    if (reason.trim().length < 3) {
      setError("Say why this isn't an identifier, e.g. \"'Hope' is a feeling here, not a name\".");
      return;
    }
    if (!onDismiss) return;
    setBusy(true);
    const err = await onDismiss(finding, reason.trim());
    setBusy(false);
    if (err) setError(err);
    else setOpen(false);
  }
  return (
    <li data-testid="flag">
      <p>
        <mark className="rounded-sm bg-amber-300 px-0.5 text-stone-950">{finding.text}</mark> {finding.reason}
      </p>
      {readOnly || (!onSelect && !onDismiss) ? null : (
        <div className="mt-1 flex flex-wrap gap-2">
          {onSelect ? (
            <button type="button" onClick={onSelect} className="min-h-11 rounded-md border border-stone-500 bg-white px-3 text-sm text-stone-900 hover:bg-stone-100">
              Show in field
            </button>
          ) : null}
          {!open && onDismiss ? (
            <button type="button" onClick={() => setOpen(true)} className="min-h-11 rounded-md border border-stone-500 bg-white px-3 text-sm text-stone-900 hover:bg-stone-100">
              Not an identifier…
            </button>
          ) : null}
        </div>
      )}
      {open ? (
        <div className="mt-2 space-y-2">
          <label htmlFor={id} className="block font-medium">
            Why is &ldquo;{finding.text}&rdquo; not an identifier?
          </label>
          <input
            id={id}
            value={reason}
            maxLength={300}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 text-stone-900"
          />
          <FieldMessage id={id} error={error ?? undefined} />
          <div className="flex gap-2">
            <button type="button" disabled={busy} onClick={confirm} className="min-h-11 rounded-md bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800">
              Dismiss flag
            </button>
            <button type="button" onClick={() => setOpen(false)} className="min-h-11 rounded-md border border-stone-500 bg-white px-3 text-sm text-stone-900">
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
