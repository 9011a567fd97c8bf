"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { regenerateRecoveryCodesAction, removeTotpAction } from "@/lib/auth/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RecoveryCodesList } from "./recovery-codes-list";
import { TotpSetup } from "./totp-setup";
import { PasskeyList, type PasskeyItem } from "./passkey-list";
import { PasskeyRegister } from "./passkey-register";

type Props = { totp: boolean; recoveryCodesLeft: number; hasFactor: boolean; required: boolean; passkeys: PasskeyItem[] };

/** A password-confirmed button: changing how you sign in asks for your password again. */
function ConfirmWithPassword({ label, variant, run }: { label: string; variant: "secondary" | "danger"; run: (currentPassword: string) => Promise<string | null> }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!open) {
    return (
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      noValidate
      className="mt-2 space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const problem = await run(String(new FormData(e.currentTarget).get("currentPassword") ?? ""));
        setPending(false);
        setError(problem);
      }}
    >
      <TextField label="Your current password" name="currentPassword" type="password" autoComplete="current-password" autoFocus error={error ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Working…" : label}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function FactorSettings({ totp, recoveryCodesLeft, hasFactor, required, passkeys }: Props) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <div className="space-y-6">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <section aria-labelledby="app-heading">
        <h2 id="app-heading" className="text-lg font-semibold">
          Authenticator app
        </h2>
        {totp ? (
          <>
            <p className="mt-1 text-sm text-stone-700">On. Signing in asks for a code from your app after your password.</p>
            <div className="mt-3">
              <ConfirmWithPassword
                label="Remove authenticator app"
                variant="danger"
                run={async (currentPassword) => {
                  const r = await removeTotpAction({ currentPassword });
                  if (!r.ok) return r.fieldErrors?.currentPassword?.[0] ?? r.error;
                  setMessage({ tone: "success", text: "Your authenticator app has been removed." });
                  router.refresh();
                  return null;
                }}
              />
            </div>
          </>
        ) : (
          <div className="mt-2">
            <TotpSetup askPassword doneLabel="Done" onDone={() => router.refresh()} />
          </div>
        )}
      </section>
      <section aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading" className="text-lg font-semibold">
          Passkeys and security keys
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Your computer, phone or a security key confirms it&apos;s you with a fingerprint, face or PIN. Use one for the second step, or, where your organisation
          allows it, to sign in without your password. You can add several.
        </p>
        <div className="mt-3">
          <PasskeyList passkeys={passkeys} />
        </div>
        <div className="mt-3">
          <PasskeyRegister key={passkeys.length} askPassword doneLabel="Done" onDone={() => router.refresh()} />
        </div>
      </section>
      {hasFactor ? (
        <section aria-labelledby="codes-heading">
          <h2 id="codes-heading" className="text-lg font-semibold">
            Recovery codes
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            {recoveryCodesLeft} of 10 unused. Making new codes stops the old ones working.
            {recoveryCodesLeft <= 3 ? " You are running low: make new ones." : ""}
          </p>
          {codes ? (
            <div className="mt-3">
              <RecoveryCodesList codes={codes} />
            </div>
          ) : (
            <div className="mt-3">
              <ConfirmWithPassword
                label="Make new recovery codes"
                variant="secondary"
                run={async (currentPassword) => {
                  const r = await regenerateRecoveryCodesAction({ currentPassword });
                  if (!r.ok) return r.fieldErrors?.currentPassword?.[0] ?? r.error;
                  setCodes(r.data.recoveryCodes);
                  return null;
                }}
              />
            </div>
          )}
        </section>
      ) : null}
      {required ? <p className="text-sm text-stone-700">Your organisation requires two-step sign-in for your role, so you can&apos;t turn it off completely.</p> : null}
    </div>
  );
}
