"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export const SIGN_IN_FAILED = "That email and password don't match an account. Check both and try again.";

export const SSO_REQUIRED = "Your organisation signs you in through its single sign-on. Use \u201cContinue with single sign-on\u201d below with your work email.";

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
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error) {
        setError(signInMessage(res?.error));
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
