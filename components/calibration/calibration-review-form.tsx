"use client";

import { useRouter } from "next/navigation";
import { ReviewChecklistForm } from "@/components/reviews/review-form";
import { submitCalibrationReviewAction } from "@/lib/calibration/actions/reviews";
import { calibrationReviewInput } from "@/lib/calibration/schemas";

/** The case review form, pointed at a calibration round: same fields, same rules, no case decided. */
export function CalibrationReviewForm({ roundId, self, selfVersion }: { roundId: string; self: unknown; selfVersion: string }) {
  const router = useRouter();
  return (
    <ReviewChecklistForm
      target={{ roundId }}
      schema={calibrationReviewInput}
      submit={submitCalibrationReviewAction}
      self={self}
      selfVersion={selfVersion}
      decisions={[
        { code: "changes_requested", label: "Request changes" },
        { code: "signed_off", label: "Sign off" },
      ]}
      decisionHint="What you would decide if this were your trainee's case. Nothing is sent to anyone: it is compared with the others' decisions."
      whatToChangeHint="Needed when requesting changes: what you would ask the trainee to change."
      submitLabel="Submit my review"
      onSaved={() => {
        router.replace(`/calibration/${roundId}?submitted=1`);
        router.refresh();
      }}
    />
  );
}
