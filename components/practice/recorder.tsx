"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RECORDING_MAX_SECONDS } from "@/lib/practice/media-sniff";

// Records a spoken response in the browser (MediaRecorder), at most 90 seconds, with a visible
// countdown, listen-back and re-record before anything is sent. Every control is a button, so it
// works from the keyboard; the countdown is announced at a few points, not every second. When the
// microphone is refused or the browser can't record, it says so and offers typing instead.

export type Recording = { blob: Blob; seconds: number };
type State = { kind: "idle" } | { kind: "recording"; startedAt: number } | { kind: "recorded"; recording: Recording; url: string } | { kind: "error"; message: string };

const TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
const ANNOUNCE_AT = new Set([60, 30, 10]);
const noSubscription = () => () => {};
const UNSUPPORTED = "This browser can't record audio. Type your response instead.";

function supported(): boolean {
  return typeof window !== "undefined" && typeof window.MediaRecorder !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);
}

function errorMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Rapport wasn't allowed to use your microphone. Allow it in your browser's site settings and try again, or type your response instead.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No microphone was found. Connect one and try again, or type your response instead.";
  if (name === "NotReadableError") return "Your microphone is in use by another program. Close it and try again, or type your response instead.";
  return "Recording couldn't start in this browser. Type your response instead.";
}

export const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.max(0, s) % 60).padStart(2, "0")}`;

export function Recorder({ onChange, onUseTyping, disabled }: { onChange: (r: Recording | null) => void; onUseTyping: () => void; disabled?: boolean }) {
  // Known only in the browser: the server renders the recorder as if it could record.
  const canRecord = useSyncExternalStore(noSubscription, supported, () => true);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [left, setLeft] = useState(RECORDING_MAX_SECONDS);
  const [announce, setAnnounce] = useState("");
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const chunks = useRef<Blob[]>([]);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const resultHeading = useRef<HTMLParagraphElement>(null);

  const release = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
  }, []);

  useEffect(() => () => release(), [release]);
  useEffect(() => {
    if (state.kind !== "recorded") return;
    resultHeading.current?.focus();
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  const stop = useCallback(() => {
    if (recorder.current && recorder.current.state !== "inactive") recorder.current.stop();
  }, []);

  async function start() {
    onChange(null);
    setAnnounce("");
    try {
      const media = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.current = media;
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      const rec = new MediaRecorder(media, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 48_000 });
      chunks.current = [];
      const startedAt = Date.now();
      rec.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.current.push(e.data);
      };
      rec.onstop = () => {
        const seconds = Math.min(RECORDING_MAX_SECONDS, Math.round((Date.now() - startedAt) / 1000));
        release();
        const blob = new Blob(chunks.current, { type: rec.mimeType || "audio/webm" });
        if (blob.size === 0) {
          setState({ kind: "error", message: "Nothing was recorded. Check your microphone and try again, or type your response instead." });
          return;
        }
        const recording = { blob, seconds };
        setState({ kind: "recorded", recording, url: URL.createObjectURL(blob) });
        setAnnounce(`Recording stopped after ${seconds} seconds. Listen back, record again, or submit it.`);
        onChange(recording);
      };
      recorder.current = rec;
      rec.start(250);
      setLeft(RECORDING_MAX_SECONDS);
      setState({ kind: "recording", startedAt });
      setAnnounce("Recording. You have 90 seconds.");
      timer.current = setInterval(() => {
        const remaining = RECORDING_MAX_SECONDS - Math.floor((Date.now() - startedAt) / 1000);
        setLeft(Math.max(0, remaining));
        if (ANNOUNCE_AT.has(remaining)) setAnnounce(`${remaining} seconds left.`);
        if (remaining <= 0) stop();
      }, 250);
    } catch (e) {
      release();
      setState({ kind: "error", message: errorMessage(e) });
    }
  }

  const shown: State = canRecord ? state : { kind: "error", message: UNSUPPORTED };
  return (
    <div className="space-y-3" data-testid="recorder">
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {shown.kind === "error" ? (
        <div className="space-y-2">
          <Alert tone="warning" live>
            {shown.message}
          </Alert>
          <div className="flex flex-wrap gap-2">
            {canRecord ? (
              <Button variant="secondary" onClick={() => setState({ kind: "idle" })}>
                Try the microphone again
              </Button>
            ) : null}
            <Button onClick={onUseTyping}>Type your response instead</Button>
          </div>
        </div>
      ) : null}
      {shown.kind === "idle" ? (
        <div>
          <p className="text-sm text-stone-700">Speak to the client as you would in the room. You have up to 90 seconds; you can listen back and record again before you submit.</p>
          <Button className="mt-2" onClick={() => void start()} disabled={disabled}>
            Start recording
          </Button>
        </div>
      ) : null}
      {shown.kind === "recording" ? (
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-lg font-semibold tabular-nums" role="timer" aria-label="Time left to record">
            <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-full bg-red-700" />
            {clock(left)} left
          </p>
          <Button variant="danger" onClick={stop}>
            Stop recording
          </Button>
        </div>
      ) : null}
      {shown.kind === "recorded" ? (
        <div className="space-y-2">
          <p ref={resultHeading} tabIndex={-1} className="font-medium">
            Your recording ({clock(shown.recording.seconds)}). Listen back before you submit.
          </p>
          <audio controls src={shown.url} aria-label="Your recording" className="w-full max-w-md" />
          <Button variant="secondary" onClick={() => void start()} disabled={disabled}>
            Record again
          </Button>
        </div>
      ) : null}
    </div>
  );
}
