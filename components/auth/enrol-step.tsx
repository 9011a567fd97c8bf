"use client";

import { useRouter } from "next/navigation";
import { TotpSetup } from "./totp-setup";
import { PasskeyRegister } from "./passkey-register";

/** Required enrolment at sign-in: once a factor is confirmed the session is complete. */
export function EnrolStep({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const onDone = () => {
    router.replace(callbackUrl);
    router.refresh();
  };
  return (
    <div className="space-y-8">
      <section aria-labelledby="enrol-app">
        <h2 id="enrol-app" className="mb-2 text-lg font-semibold">
          With an authenticator app
        </h2>
        <TotpSetup askPassword={false} doneLabel="Continue to Rapport" onDone={onDone} />
      </section>
      <section aria-labelledby="enrol-passkey">
        <h2 id="enrol-passkey" className="mb-2 text-lg font-semibold">
          Or with a passkey
        </h2>
        <p className="mb-2 text-sm text-stone-700">Your computer, phone or a security key confirms it&apos;s you with a fingerprint, face or PIN.</p>
        <PasskeyRegister askPassword={false} doneLabel="Continue to Rapport" onDone={onDone} />
      </section>
    </div>
  );
}
