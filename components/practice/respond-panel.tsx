"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormMessage, useActionForm, type FormMessageState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { submitSpokenResponseAction, submitTypedResponseAction } from "@/lib/practice/actions/responses";
import { PRACTICE_LIMITS, typedResponseInput } from "@/lib/practice/schemas";
import { Recorder, type Recording } from "./recorder";

// The trainee's answer to a drill: typed, or spoken and recorded. Either way the time since the
// drill opened goes with it (it can later count as skills-practice hours).

type Mode = "typed" | "spoken";

export function RespondPanel({ drillKey, retry }: { drillKey: string; retry: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("typed");
  // When the drill was opened, set once in the browser: the time spent goes with the response.
  const opened = useRef<number | null>(null);
  useEffect(() => {
    opened.current ??= Date.now();
  }, []);
  const seconds = () => (opened.current === null ? 0 : Math.min(86_400, Math.round((Date.now() - opened.current) / 1000)));

  const { form, onSubmit, message } = useActionForm({
    schema: typedResponseInput,
    defaultValues: { drillKey, response: "", secondsSpent: 0 },
    action: submitTypedResponseAction,
    refresh: false,
    onSuccess: (data) => {
      router.push(`/practice/attempts/${data.id}?submitted=1`);
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;

  const [recording, setRecording] = useState<Recording | null>(null);
  const [spokenMessage, setSpokenMessage] = useState<FormMessageState>(null);
  const [sending, setSending] = useState(false);

  async function submitRecording() {
    if (!recording) {
      setSpokenMessage({ tone: "error", text: "Record your response first, or type it instead." });
      return;
    }
    setSending(true);
    setSpokenMessage(null);
    const fd = new FormData();
    fd.set("drillKey", drillKey);
    fd.set("secondsSpent", String(seconds()));
    fd.set("durationSeconds", String(recording.seconds));
    fd.set("file", new File([recording.blob], "response", { type: recording.blob.type || "audio/webm" }));
    const r = await submitSpokenResponseAction(fd);
    setSending(false);
    if (!r.ok) {
      setSpokenMessage({ tone: "error", text: r.fieldErrors?.file?.[0] ?? r.error });
      return;
    }
    router.push(`/practice/attempts/${r.data.id}?submitted=1`);
  }

  const useTyping = () => {
    setMode("typed");
    // After the typed form has rendered in place of the recorder.
    setTimeout(() => document.getElementById("typed-response")?.focus(), 0);
  };

  return (
    <section aria-labelledby="respond" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="respond" className="text-lg font-semibold">
        {retry ? "Try it again" : "Your response"}
      </h2>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-stone-800">How do you want to respond?</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["typed", "spoken"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="h-5 w-5" />
              {m === "typed" ? "Type it" : "Say it (record up to 90 seconds)"}
            </label>
          ))}
        </div>
      </fieldset>

      {mode === "typed" ? (
        <form
          onSubmit={(e) => {
            form.setValue("secondsSpent", seconds());
            return onSubmit(e);
          }}
          noValidate
          className="mt-4 space-y-3"
        >
          <TextArea
            label="What you would say to the client"
            hint="Write it as you would say it, in the first person, to the client in front of you."
            rows={6}
            maxLength={PRACTICE_LIMITS.response}
            error={errors.response?.message}
            id="typed-response"
            {...register("response")}
          />
          <FormMessage message={message} />
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Submitting…" : "Submit typed response"}
          </Button>
        </form>
      ) : (
        <div className="mt-4 space-y-3">
          <Recorder onChange={setRecording} onUseTyping={useTyping} disabled={sending} />
          <FormMessage message={spokenMessage} />
          {recording ? (
            <Button onClick={() => void submitRecording()} disabled={sending}>
              {sending ? "Uploading…" : "Submit this recording"}
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
