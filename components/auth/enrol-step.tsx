"use client";

import { useRouter } from "next/navigation";
import { TotpSetup } from "./totp-setup";

/** Required enrolment at sign-in: once a factor is confirmed the session is complete. */
export function EnrolStep({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  return (
    <TotpSetup
      askPassword={false}
      doneLabel="Continue to Rapport"
      onDone={() => {
        router.replace(callbackUrl);
        router.refresh();
      }}
    />
  );
}
