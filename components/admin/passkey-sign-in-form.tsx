"use client";

import { useState, useTransition } from "react";
import { setPasskeySignInAction } from "@/lib/orgs/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Whether members may sign in with a passkey alone, without their password. */
export function PasskeySignInForm({ allowed }: { allowed: boolean }) {
  const [value, setValue] = useState(allowed);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await setPasskeySignInAction({ allowed: value });
          setMessage(r.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: r.error });
        });
      }}
      className="space-y-3"
    >
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="allowed" checked={value} onChange={(e) => setValue(e.target.checked)} className="h-5 w-5" />
        Members may sign in with a passkey alone, without their password
      </label>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save passkey setting"}
      </Button>
    </form>
  );
}
