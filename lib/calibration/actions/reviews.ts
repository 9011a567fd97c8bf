"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { submitCalibrationReview } from "@/lib/calibration/reviews";
import { calibrationReviewInput } from "@/lib/calibration/schemas";

export const submitCalibrationReviewAction = authedAction({ schema: calibrationReviewInput, permission: "calibration.view" }, async (ctx, input) => {
  const done = await submitCalibrationReview(ctx, input);
  revalidatePath(`/calibration/${done.roundId}`);
  return done;
});
