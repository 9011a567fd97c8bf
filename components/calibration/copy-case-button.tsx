"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { copyCaseAsReferenceAction } from "@/lib/calibration/actions/references";

/** Copies one consented case as a reference; a refusal (something flagged, risk) is said next to it. */
export function CopyCaseButton({ caseId, label }: { caseId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        aria-label={`Copy ${label} as a reference case`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await copyCaseAsReferenceAction({ caseId });
            if (!r.ok) return setError(r.fieldErrors?.caseId?.[0] ?? r.error);
            router.push(`/calibration/new?reference=${r.data.referenceId}`);
          })
        }
      >
        {pending ? "Copying…" : "Copy as a reference"}
      </Button>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
