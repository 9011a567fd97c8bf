"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { startSso } from "./start-sso";

export const SIGN_IN_FAILED = "That email and password don't match an account. Check both and try again.";

export const SSO_REQUIRED = "Your organisation has turned off password sign-in for your email address: you sign in through its single sign-on instead.";

function signInMessage(code: string | null | undefined): string {
  if (code === "sso_required") return SSO_REQUIRED;
  const wait = /^throttled:(\d+)$/.exec(code ?? "");
  if (wait) {
    const s = Number(wait[1]);
    const when = s < 60 ? `${s} second${s === 1 ? "" : "s"}` : `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? "" : "s"}`;
    return `Too many unsuccessful attempts. Wait ${when}, then try again.`;
  }
  return SIGN_IN_FAILED;
}

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The email a password was refused for because its organisation signs it in through SSO.
  const [ssoEmail, setSsoEmail] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const email = String(fd.get("email") ?? "").trim();
    const password = String(fd.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email address and your password.");
      return;
    }
    setPending(true);
    setError(null);
    setSsoEmail(null);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error) {
        setError(signInMessage(res?.error));
        if (res?.error === "sso_required") setSsoEmail(email);
        setPending(false);
        return;
      }
      // The next step decides: a second factor, a required enrolment, or straight on to callbackUrl.
      router.replace(`/login/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      router.refresh();
    } catch {
      setError("We couldn't reach Rapport. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <div id="login-error">
          <Alert tone="error" live>
            {error}
          </Alert>
          {ssoEmail ? (
            <Button
              type="button"
              variant="secondary"
              className="mt-3 w-full"
              disabled={pending}
              onClick={async () => {
                setPending(true);
                const failed = await startSso(ssoEmail, callbackUrl);
                if (failed) {
                  setError(failed);
                  setSsoEmail(null);
                  setPending(false);
                }
              }}
            >
              Continue with single sign-on as {ssoEmail}
            </Button>
          ) : null}
        </div>
      ) : null}
      <TextField label="Email address" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
