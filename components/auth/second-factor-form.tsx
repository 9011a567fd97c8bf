"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { verifySecondFactorAction } from "@/lib/auth/actions/two-factor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

type Method = "totp" | "recovery_code";

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondFactorForm({ callbackUrl, hasTotp, passkeySlot }: { callbackUrl: string; hasTotp: boolean; passkeySlot?: React.ReactNode }) {
  const router = useRouter();
  const [method, setMethod] = useState<Method>(hasTotp ? "totp" : "recovery_code");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setError(method === "totp" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your recovery codes.");
      return;
    }
    setPending(true);
    setError(null);
    const r = await verifySecondFactorAction({ method, code });
    if (!r.ok) {
      setError(r.fieldErrors?.code?.[0] ?? r.error);
      setPending(false);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  const totp = method === "totp";
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" key={method}>
        <TextField
          label={totp ? "Code from your authenticator app" : "Recovery code"}
          hint={totp ? "Open the app and enter the 6 digits shown for Rapport." : "One of the ten codes you saved when you set up two-step sign-in. Each works once."}
          name="code"
          inputMode={totp ? "numeric" : "text"}
          autoComplete="one-time-code"
          autoFocus
          error={error ?? undefined}
        />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Continue"}
        </Button>
      </form>
      {passkeySlot}
      <p className="text-sm">
        {hasTotp ? (
          <button
            type="button"
            className="min-h-11 text-brand-700 underline"
            onClick={() => {
              setMethod(totp ? "recovery_code" : "totp");
              setError(null);
            }}
          >
            {totp ? "Use a recovery code instead" : "Use your authenticator app instead"}
          </button>
        ) : null}
      </p>
      {error && /Wait/.test(error) ? <Alert tone="warning">Wrong codes are slowed down to stop guessing. Your password was right; only the second step is waiting.</Alert> : null}
    </div>
  );
}
