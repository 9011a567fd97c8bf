"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { removeLogoAction, uploadLogoAction } from "@/lib/orgs/actions/settings";
import { LOGO_ACCEPT, LOGO_MAX_BYTES } from "@/lib/orgs/settings-schemas";
import { LOGO_MESSAGES } from "@/lib/orgs/logo-image";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field";

export function LogoForm({ logoUrl }: { logoUrl: string | null }) {
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
    if (!file) return setError(LOGO_MESSAGES.empty);
    // Checked again on the server (by the file's bytes); this only saves uploading a file that can't pass.
    if (file.size > LOGO_MAX_BYTES) return setError(LOGO_MESSAGES.tooLarge(file.size));
    const data = new FormData();
    data.set("file", file);
    start(async () => {
      const r = await uploadLogoAction(data);
      if (!r.ok) {
        const field = r.fieldErrors?.file?.[0];
        if (field) setError(field);
        else setMessage({ tone: "error", text: r.error });
        return;
      }
      if (fileRef.current) fileRef.current.value = "";
      setMessage({ tone: "success", text: "Logo saved. It appears in Rapport for your members and on certificates." });
      router.refresh();
    });
  }

  function remove() {
    setError(undefined);
    setMessage(null);
    start(async () => {
      const r = await removeLogoAction({});
      setMessage(r.ok ? { tone: "success", text: "Logo removed." } : { tone: "error", text: r.error });
      if (r.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      {logoUrl ? (
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-organisation image served by our own route */}
          <img src={logoUrl} alt="Current logo" className="max-h-16 max-w-60 rounded border border-stone-200 bg-white p-1" data-testid="current-logo" />
          <Button variant="secondary" onClick={remove} disabled={pending}>
            Remove logo
          </Button>
        </div>
      ) : (
        <p className="text-sm text-stone-700">No logo yet: certificates show the organisation&apos;s name only.</p>
      )}
      <form onSubmit={upload} noValidate className="space-y-3">
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">
            {logoUrl ? "Replace the logo" : "Upload a logo"}
          </label>
          <p id={`${id}-hint`} className="mt-0.5 text-sm text-stone-600">
            PNG or JPEG, at most {Math.round(LOGO_MAX_BYTES / 1024)} KB and 2000 pixels on each side. SVG and WebP can&apos;t be used.
          </p>
          <input
            ref={fileRef}
            id={id}
            name="file"
            type="file"
            accept={LOGO_ACCEPT}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-400 file:bg-white file:px-3"
            onChange={() => setError(undefined)}
          />
          <FieldMessage id={id} error={error} />
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Uploading…" : "Upload logo"}
        </Button>
      </form>
    </div>
  );
}
