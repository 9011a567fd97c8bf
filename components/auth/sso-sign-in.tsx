"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

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
    try {
      const res = await fetch("/api/sso/start", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, callbackUrl }) });
      const body = (await res.json()) as { url?: string };
      if (!res.ok || !body.url) throw new Error("no url");
      window.location.assign(body.url);
    } catch {
      setError("We couldn't reach Rapport. Check your connection and try again.");
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
