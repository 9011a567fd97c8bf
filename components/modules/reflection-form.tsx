"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useAutosave, type SaveOutcome } from "@/components/ui/use-autosave";
import { saveReflectionAction, shareReflectionAction } from "@/lib/modules/actions/reflection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ScannedTextArea } from "@/components/cases/scanned-textarea";
import { scanFields } from "@/lib/cases/identifiers";
import type { ReflectionField } from "@/lib/modules/reflection-spec";
import { SHARE_REFUSED_FLAGGED } from "@/lib/modules/reflection-identifiers";

type Status = "saved" | "unsaved" | "saving" | "offline" | "conflict" | "invalid";

const DEBOUNCE_MS = 1200;
const RETRY_MS = 5000;

function readBackup(key: string, version: number, initial: Record<string, string>): Record<string, string> | null {
  if (typeof window === "undefined") return null;
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const backup = JSON.parse(raw) as { version: number; values: Record<string, string> };
    const differs = Object.keys(backup.values).some((k) => (backup.values[k] ?? "") !== (initial[k] ?? ""));
    if (backup.version >= version && differs) return backup.values;
    localStorage.removeItem(key);
  } catch {
    /* storage unavailable: the server copy is all we have */
  }
  return null;
}

export function ReflectionForm(props: {
  moduleSlug: string;
  storageKey: string;
  fields: ReflectionField[];
  initial: Record<string, string>;
  version: number;
  sharedAt: string | null;
  maxLength: number;
}) {
  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [sharedAt, setSharedAt] = useState(props.sharedAt);
  const [restorable, setRestorable] = useState<Record<string, string> | null>(null);
  // Set when finishing the reflection was the step that completed the module's certificate.
  const [issuedSerial, setIssuedSerial] = useState<string | null>(null);
  // A copy in this browser, so nothing typed is lost even if every save fails. Read after
  // hydration: the server can't see browser storage, so reading it while rendering would mismatch.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser-only state, read once after hydration
    setRestorable(readBackup(props.storageKey, props.version, props.initial));
  }, [props.storageKey, props.version, props.initial]);
  // The same identifier check as cases, as the person types; the server checks again on save and share.
  const deferred = useDeferredValue(values);
  const findings = useMemo(() => scanFields(deferred), [deferred]);
  const flaggedCount = Object.values(findings).reduce((n, l) => n + l.length, 0);
  const version = useRef(props.version);
  const latest = useRef(values);
  // Whether the last save ended in a conflict: the status line says so until the page is reloaded.
  const [conflicted, setConflicted] = useState(false);

  const saveOnce = useCallback(async (): Promise<SaveOutcome> => {
    let result: Awaited<ReturnType<typeof saveReflectionAction>>;
    try {
      result = await saveReflectionAction({ moduleSlug: props.moduleSlug, content: latest.current, version: version.current });
    } catch {
      setMessage("We couldn't reach Rapport, so your latest changes aren't saved yet. Your text is safe in this browser and we'll keep trying.");
      return "offline";
    }
    if (result.ok) {
      version.current = result.data.version;
      if (result.data.certificateSerial) setIssuedSerial(result.data.certificateSerial);
      setFieldErrors({});
      setMessage(null);
      try {
        localStorage.removeItem(props.storageKey);
      } catch {}
      return "saved";
    }
    setMessage(result.error);
    if (result.code === "conflict") {
      setConflicted(true);
      return "stopped";
    }
    if (result.code === "validation") {
      setFieldErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0] ?? ""])));
      return "invalid";
    }
    return "offline";
  }, [props.moduleSlug, props.storageKey]);
  const autosave = useAutosave({ save: saveOnce, delayMs: DEBOUNCE_MS, retryMs: RETRY_MS });
  const status: Status = conflicted ? "conflict" : autosave.state === "stopped" ? "conflict" : autosave.state;
  const save = autosave.flush;

  function change(key: string, value: string) {
    const next = { ...latest.current, [key]: value };
    latest.current = next;
    setValues(next);
    try {
      localStorage.setItem(props.storageKey, JSON.stringify({ version: version.current, values: next }));
    } catch {}
    autosave.changed();
  }

  async function toggleShare() {
    if (!sharedAt && Object.keys(scanFields(latest.current)).length > 0) {
      setMessage(SHARE_REFUSED_FLAGGED);
      return;
    }
    await save();
    const result = await shareReflectionAction({ moduleSlug: props.moduleSlug, shared: !sharedAt });
    if (result.ok) {
      setSharedAt(result.data.sharedAt);
      setMessage(null);
    } else {
      setMessage(result.error);
      if (result.code === "validation") setFieldErrors(Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v?.[0] ?? ""])));
    }
  }

  const statusText: Record<Status, string> = {
    saved: "All changes saved",
    unsaved: "Unsaved changes…",
    saving: "Saving…",
    offline: "Not saved yet: retrying",
    conflict: "Not saved: changed elsewhere",
    invalid: "Not saved: check your answers",
  };

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-md border border-stone-200 bg-white/95 px-4 py-2">
        <p role="status" aria-live="polite" className="text-sm font-medium text-stone-800" data-testid="save-status">
          {statusText[status]}
        </p>
        <div className="flex items-center gap-3">
          {flaggedCount > 0 ? (
            <span className="text-sm text-amber-900" data-testid="flag-count">
              {flaggedCount === 1 ? "1 possible identifier" : `${flaggedCount} possible identifiers`}
            </span>
          ) : null}
          <span className="text-sm text-stone-700">{sharedAt ? "Shared with your supervisors" : "Private to you"}</span>
          <Button variant="secondary" onClick={toggleShare}>
            {sharedAt ? "Stop sharing" : "Share with my supervisors"}
          </Button>
        </div>
      </div>
      {issuedSerial ? (
        <Alert tone="success" title="Certificate issued" live>
          Your reflection completed this module: certificate {issuedSerial} is ready.{" "}
          <a href={`/modules/${props.moduleSlug}`}>Go to the module to download it</a>.
        </Alert>
      ) : null}
      {restorable ? (
        <Alert tone="warning" title="Unsaved text found in this browser">
          <p>You typed something here that never reached Rapport.</p>
          <div className="mt-2 flex gap-2">
            <Button
              onClick={() => {
                latest.current = { ...latest.current, ...restorable };
                setValues(latest.current);
                setRestorable(null);
                autosave.changed();
                void save();
              }}
            >
              Restore it
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                localStorage.removeItem(props.storageKey);
                setRestorable(null);
              }}
            >
              Discard it
            </Button>
          </div>
        </Alert>
      ) : null}
      {message ? (
        <Alert tone={status === "offline" ? "warning" : "error"} live>
          {message}
          {status === "conflict" ? (
            <span>
              {" "}
              <button type="button" className="underline" onClick={() => window.location.reload()}>
                Reload the latest version
              </button>{" "}
              (copy your text first: it stays in the boxes below).
            </span>
          ) : null}
        </Alert>
      ) : null}
      {props.fields.map((f, i) => {
        const header = f.group && f.group !== props.fields[i - 1]?.group ? f.group : null;
        return (
          <div key={f.key}>
            {header ? <h2 className="mb-3 mt-4 text-lg font-semibold">{header}</h2> : null}
            <ScannedTextArea
              label={f.label}
              hint={f.hint}
              name={f.key}
              rows={f.short ? 1 : 5}
              maxLength={props.maxLength}
              value={values[f.key] ?? ""}
              findings={findings[f.key] ?? []}
              flagNote={
                sharedAt
                  ? "Your reflection is shared, so changes that keep these details won't be saved. Remove or reword them."
                  : "Your draft is saved privately with them. Remove or reword them before you share your reflection."
              }
              error={fieldErrors[f.key]}
              onValueChange={(v) => change(f.key, v)}
              onBlur={() => void save()}
            />
          </div>
        );
      })}
    </div>
  );
}
