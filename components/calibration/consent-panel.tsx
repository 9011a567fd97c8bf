"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setCalibrationConsentAction } from "@/lib/cases/actions/consent";

/** On the author's own case page: give or withdraw consent to a de-identified calibration copy. */
export function ConsentPanel({ caseId, given, copied, text }: { caseId: string; given: boolean; copied: boolean; text: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const set = (consent: boolean) =>
    start(async () => {
      setMessage(null);
      const r = await setCalibrationConsentAction({ caseId, consent });
      if (!r.ok) return setMessage({ tone: "error", text: r.error });
      setMessage({ tone: "success", text: consent ? "Thank you: a de-identified copy may now be used for supervisor calibration." : "Consent withdrawn: no copy will be made from now on." });
      router.refresh();
    });
  return (
    <section aria-labelledby="calibration-consent" className="mt-8 max-w-2xl space-y-3 rounded-lg border border-stone-200 bg-white p-5 no-print">
      <h2 id="calibration-consent" className="text-lg font-semibold">
        Supervisor calibration (optional)
      </h2>
      <p className="text-sm text-stone-800">{text}</p>
      <p className="text-sm font-medium" data-testid="consent-state">
        {given ? (copied ? "You allowed this, and a copy has been made." : "You allowed this.") : "You haven't allowed this."}
      </p>
      {given ? (
        <Button variant="secondary" disabled={pending} onClick={() => set(false)}>
          Withdraw my consent
        </Button>
      ) : (
        <Button variant="secondary" disabled={pending} onClick={() => set(true)}>
          Allow a de-identified copy
        </Button>
      )}
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
    </section>
  );
}
