"use client";

import { useState } from "react";
import { confirmTotpSetupAction, startTotpSetupAction } from "@/lib/auth/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RecoveryCodesList } from "./recovery-codes-list";

type Started = { secret: string; uri: string; qrDataUrl: string };

/**
 * Setting up an authenticator app: the QR code and the secret (for typing in by hand), then a
 * code from the app to confirm, then the recovery codes (once). `askPassword` when the person is
 * already signed in: changing how they sign in needs their password again.
 */
export function TotpSetup({ askPassword, onDone, doneLabel }: { askPassword: boolean; onDone: () => void; doneLabel: string }) {
  const [started, setStarted] = useState<Started | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ form?: string; code?: string; currentPassword?: string }>({});
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    const r = await startTotpSetupAction({});
    setPending(false);
    if (r.ok) setStarted(r.data);
    else setErrors({ form: r.error });
  }

  async function confirm(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const code = String(fd.get("code") ?? "").trim();
    const currentPassword = askPassword ? String(fd.get("currentPassword") ?? "") : undefined;
    if (!/^\d{3}\s?\d{3}$/.test(code)) {
      setErrors({ code: "Enter the 6-digit code your app shows, digits only." });
      return;
    }
    setPending(true);
    setErrors({});
    const r = await confirmTotpSetupAction({ code, currentPassword });
    setPending(false);
    if (!r.ok) {
      setErrors({ form: r.fieldErrors ? undefined : r.error, code: r.fieldErrors?.code?.[0], currentPassword: r.fieldErrors?.currentPassword?.[0] });
      return;
    }
    setConfirmed(true);
    setCodes(r.data.recoveryCodes);
  }

  if (confirmed) {
    return (
      <div className="space-y-4">
        <Alert tone="success" live>
          Your authenticator app is set up. From now on, signing in asks for a code from it after your password.
        </Alert>
        {codes ? <RecoveryCodesList codes={codes} /> : <p className="text-sm">Your existing recovery codes still work.</p>}
        <Button onClick={onDone}>{doneLabel}</Button>
      </div>
    );
  }

  if (!started) {
    return (
      <div className="space-y-3">
        {errors.form ? (
          <Alert tone="error" live>
            {errors.form}
          </Alert>
        ) : null}
        <p className="text-sm text-stone-700">You need an authenticator app on your phone, such as Microsoft Authenticator, Google Authenticator or 1Password.</p>
        <Button onClick={start} disabled={pending}>
          {pending ? "Preparing…" : "Set up an authenticator app"}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} noValidate className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          In your authenticator app, add an account and scan this QR code.
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, no optimisation to do */}
          <img src={started.qrDataUrl} alt="QR code for adding Rapport to your authenticator app" width={220} height={220} className="mt-2 border border-stone-200" />
        </li>
        <li>
          Can&apos;t scan it? Enter this key by hand instead:{" "}
          <code className="break-all rounded bg-stone-100 px-1 font-mono" data-testid="totp-secret">
            {started.secret}
          </code>
        </li>
        <li>Type the 6-digit code the app now shows for Rapport.</li>
      </ol>
      {errors.form ? (
        <Alert tone="error" live>
          {errors.form}
        </Alert>
      ) : null}
      <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" error={errors.code} />
      {askPassword ? <TextField label="Your current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-step sign-in"}
      </Button>
    </form>
  );
}
