"use client";

import { useState } from "react";
import { startRegistration } from "@simplewebauthn/browser";
import { passkeyRegistrationOptionsAction, registerPasskeyAction } from "@/lib/auth/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RecoveryCodesList } from "./recovery-codes-list";

/**
 * Adds a passkey (this device, a phone, or a security key). `askPassword` when already signed in:
 * changing how you sign in needs your password again.
 */
export function PasskeyRegister({ askPassword, onDone, doneLabel }: { askPassword: boolean; onDone: () => void; doneLabel: string }) {
  const [errors, setErrors] = useState<{ form?: string; name?: string; currentPassword?: string }>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<{ codes: string[] | null } | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const name = String(fd.get("passkeyName") ?? "").trim();
    const currentPassword = askPassword ? String(fd.get("currentPassword") ?? "") : undefined;
    if (!name) {
      setErrors({ name: "Name this passkey, like “Work laptop” or “Blue security key”." });
      return;
    }
    setPending(true);
    setErrors({});
    const opts = await passkeyRegistrationOptionsAction({ currentPassword });
    if (!opts.ok) {
      setErrors({ form: opts.fieldErrors ? undefined : opts.error, currentPassword: opts.fieldErrors?.currentPassword?.[0] });
      setPending(false);
      return;
    }
    let response;
    try {
      response = await startRegistration({ optionsJSON: opts.data.options });
    } catch (err) {
      const already = err instanceof Error && err.name === "InvalidStateError";
      setErrors({ form: already ? "This device or key already holds a passkey for your account." : "No passkey was made: it was cancelled or took too long. Try again." });
      setPending(false);
      return;
    }
    const r = await registerPasskeyAction({ token: opts.data.token, name, response });
    setPending(false);
    if (!r.ok) {
      setErrors({ form: r.fieldErrors?.name ? undefined : r.error, name: r.fieldErrors?.name?.[0] });
      return;
    }
    setDone({ codes: r.data.recoveryCodes });
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success" live>
          Your passkey is added. You can use it for the second step of signing in.
        </Alert>
        {done.codes ? <RecoveryCodesList codes={done.codes} /> : null}
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form ? (
        <Alert tone="error" live>
          {errors.form}
        </Alert>
      ) : null}
      <TextField label="Name for this passkey" name="passkeyName" hint="So you can tell your passkeys apart, like “Work laptop”." maxLength={60} error={errors.name} />
      {askPassword ? <TextField label="Your current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} /> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Waiting for your device…" : "Add a passkey"}
      </Button>
    </form>
  );
}
