"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// One autosave for every form that saves as the person types (the case form, the reflection form):
// a pause in typing saves; saves run one after another, so each uses the version the previous one
// returned; a save that couldn't reach Rapport is retried until it does; leaving or hiding the page
// saves what is pending, and closing the tab with unsaved changes asks first. What a save does and
// what it says is the form's own (`save`); this hook only decides when it runs.

/** What one save attempt came to. */
export type SaveOutcome =
  /** Stored, or nothing had changed since the last stored copy. */
  | "saved"
  /** Refused as it stands (the person has something to fix); the next change or save tries again. */
  | "invalid"
  /** Didn't reach Rapport or failed for a passing reason: retried every `retryMs`. */
  | "offline"
  /** Never again on this page (changed elsewhere, submitted): later changes are not saved. */
  | "stopped";

export type AutosaveState = "saved" | "unsaved" | "saving" | "invalid" | "offline" | "stopped";

export function useAutosave(opts: { save: () => Promise<SaveOutcome>; delayMs: number; retryMs?: number }) {
  const retryMs = opts.retryMs ?? 5000;
  const saveRef = useRef(opts.save);
  useEffect(() => {
    saveRef.current = opts.save;
  }, [opts.save]);
  const [state, setState] = useState<AutosaveState>("saved");
  const st = useRef({ dirty: false, inFlight: false, stopped: false, chain: Promise.resolve(true), timer: null as ReturnType<typeof setTimeout> | null });

  const run = useCallback(async (): Promise<boolean> => {
    const s = st.current;
    if (s.stopped) return false;
    if (!s.dirty) return true; // nothing changed since the last stored copy
    s.dirty = false;
    s.inFlight = true;
    setState("saving");
    let outcome: SaveOutcome;
    try {
      outcome = await saveRef.current();
    } catch {
      outcome = "offline";
    } finally {
      s.inFlight = false;
    }
    if (outcome === "stopped") s.stopped = true;
    // Still not stored: leaving the page warns, and the next save tries again.
    if (outcome === "offline" || outcome === "invalid") s.dirty = true;
    setState(outcome === "saved" ? (s.dirty ? "unsaved" : "saved") : outcome);
    return outcome === "saved";
  }, []);

  /** Saves now (after any save already running); true when what is on screen is stored. */
  const flush = useCallback((): Promise<boolean> => {
    const s = st.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    s.chain = s.chain.then(run, run);
    return s.chain;
  }, [run]);

  /** The person changed something: save after a pause in typing. */
  const changed = useCallback(() => {
    const s = st.current;
    if (s.stopped) return;
    s.dirty = true;
    setState((prev) => (prev === "saving" || prev === "offline" ? prev : "unsaved"));
    if (s.timer) clearTimeout(s.timer);
    s.timer = setTimeout(() => void flush(), opts.delayMs);
  }, [flush, opts.delayMs]);

  /** No more saves on this page (the form was submitted or replaced). */
  const stop = useCallback(() => {
    st.current.stopped = true;
    if (st.current.timer) clearTimeout(st.current.timer);
  }, []);

  // Retry while a save can't get through.
  useEffect(() => {
    if (state !== "offline") return;
    const t = setInterval(() => {
      if (st.current.dirty && !st.current.inFlight) void flush();
    }, retryMs);
    return () => clearInterval(t);
  }, [state, flush, retryMs]);

  // Save what is pending when the page is hidden or left; ask before closing with unsaved changes.
  useEffect(() => {
    const s = st.current;
    const hidden = () => {
      if (document.visibilityState === "hidden" && s.dirty && !s.stopped) void flush();
    };
    const leaving = () => {
      if (s.dirty && !s.stopped) void flush();
    };
    const warn = (e: BeforeUnloadEvent) => {
      if ((s.dirty || s.inFlight) && !s.stopped) e.preventDefault();
    };
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", leaving);
    window.addEventListener("beforeunload", warn);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", leaving);
      window.removeEventListener("beforeunload", warn);
      if (s.timer) clearTimeout(s.timer);
    };
  }, [flush]);

  return { state, changed, flush, stop };
}
