"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { startSso } from "./start-sso";

/** Email first: people whose organisation has single sign-on for their domain go to its identity provider. */
export function SsoSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    if (!email.includes("@")) {
      setError("Enter your work email address, like name@clinic.example.org.");
      return;
    }
    setPending(true);
    setError(null);
    const failed = await startSso(email, callbackUrl);
    if (failed) {
      setError(failed);
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="text-lg font-semibold">
        Your organisation uses single sign-on?
      </h2>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <TextField label="Work email" name="email" type="email" autoComplete="email" hint="We'll send you to your organisation's sign-in page." />
      <Button type="submit" variant="secondary" disabled={pending} className="w-full">
        {pending ? "Opening your organisation's sign-in…" : "Continue with single sign-on"}
      </Button>
    </form>
  );
}
