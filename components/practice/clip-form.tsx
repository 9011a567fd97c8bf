"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage, fieldIds } from "@/components/ui/field";
import { removeClipAction, uploadClipAction } from "@/lib/practice/actions/drills";
import { CLIP_ACCEPT, CLIP_MAX_BYTES, MEDIA_MESSAGES } from "@/lib/practice/media-sniff";

/** Attaches (or removes) an audio or video clip of the organisation's own actors to a drill. */
export function ClipForm({ drillId, clip }: { drillId: string; clip: { type: string; bytes: number } | null }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  function upload(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    setMessage(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("Choose an audio or video file to upload.");
    // Checked again on the server by the file's bytes; this only saves uploading a file that can't pass.
    if (file.size > CLIP_MAX_BYTES) return setError(MEDIA_MESSAGES.tooLarge(file.size, CLIP_MAX_BYTES));
    const data = new FormData();
    data.set("drillId", drillId);
    data.set("file", file);
    start(async () => {
      const r = await uploadClipAction(data);
      if (!r.ok) {
        const field = r.fieldErrors?.file?.[0];
        if (field) setError(field);
        else setMessage({ tone: "error", text: r.error });
        return;
      }
      if (fileRef.current) fileRef.current.value = "";
      setMessage({ tone: "success", text: "Clip saved. Trainees see it with the drill." });
      router.refresh();
    });
  }

  function remove() {
    setMessage(null);
    start(async () => {
      const r = await removeClipAction({ drillId });
      setMessage(r.ok ? { tone: "success", text: "Clip removed." } : { tone: "error", text: r.error });
      if (r.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      {clip ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm">
            This drill has a {clip.type.startsWith("video/") ? "video" : "audio"} clip ({Math.ceil(clip.bytes / 1000)} KB).
          </p>
          <Button variant="secondary" onClick={remove} disabled={pending}>
            Remove the clip
          </Button>
        </div>
      ) : (
        <p className="text-sm text-stone-700">No clip: trainees read the client&apos;s words.</p>
      )}
      <form onSubmit={upload} noValidate className="space-y-2">
        <label htmlFor={id} className="block text-sm font-medium text-stone-800">
          {clip ? "Replace the clip" : "Upload a clip"}
        </label>
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          Audio or video of your own actors (WebM, Ogg, MP4 or MP3), at most {(CLIP_MAX_BYTES / 1_000_000).toFixed(1)} MB. Never a recording of a real client.
        </p>
        <input id={id} ref={fileRef} type="file" accept={CLIP_ACCEPT} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, "hint", error)} className="block text-sm" />
        <FieldMessage id={id} error={error} />
        <Button type="submit" disabled={pending}>
          {pending ? "Uploading…" : "Upload clip"}
        </Button>
      </form>
    </div>
  );
}
