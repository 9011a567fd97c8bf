"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { passkeyFactorOptionsAction, passkeySignInOptionsAction, verifyPasskeyFactorAction } from "@/lib/auth/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const CANCELLED = "No passkey was used: it was cancelled or took too long. Try again.";

/** The second step with one of the person's passkeys. */
export function PasskeyFactorButton({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run() {
    setPending(true);
    setError(null);
    const opts = await passkeyFactorOptionsAction({});
    if (!opts.ok) {
      setError(opts.error);
      setPending(false);
      return;
    }
    let response;
    try {
      response = await startAuthentication({ optionsJSON: opts.data.options });
    } catch {
      setError(CANCELLED);
      setPending(false);
      return;
    }
    const r = await verifyPasskeyFactorAction({ token: opts.data.token, response });
    if (!r.ok) {
      setError(r.error);
      setPending(false);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }
  return (
    <div className="space-y-2">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <Button variant="secondary" className="w-full" disabled={pending} onClick={run}>
        {pending ? "Waiting for your passkey…" : "Use a passkey"}
      </Button>
    </div>
  );
}

/** Signing in with a passkey alone (only where the person's organisations allow it). */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run() {
    setPending(true);
    setError(null);
    const opts = await passkeySignInOptionsAction({});
    if (!opts.ok) {
      setError(opts.error);
      setPending(false);
      return;
    }
    let response;
    try {
      response = await startAuthentication({ optionsJSON: opts.data.options });
    } catch {
      setError(CANCELLED);
      setPending(false);
      return;
    }
    const res = await signIn("passkey", { token: opts.data.token, response: JSON.stringify(response), redirect: false });
    if (!res || res.error) {
      setError(
        res?.error === "passkey_not_allowed"
          ? "Your organisation hasn't turned on signing in with a passkey alone. Sign in with your email and password; your passkey can be the second step."
          : "That passkey couldn't sign you in. Try again, or sign in with your email and password.",
      );
      setPending(false);
      return;
    }
    router.replace(`/login/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    router.refresh();
  }
  return (
    <div className="space-y-2">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <Button variant="secondary" className="w-full" disabled={pending} onClick={run}>
        {pending ? "Waiting for your passkey…" : "Use a passkey instead of a password"}
      </Button>
    </div>
  );
}
