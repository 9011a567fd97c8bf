"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { setConsent } from "@/lib/cases/calibration-consent";
import { calibrationConsentInput } from "@/lib/cases/schemas";

/** The author's consent to a de-identified calibration copy of their case (lib/cases/calibration-consent.ts). */
export const setCalibrationConsentAction = authedAction({ schema: calibrationConsentInput, permission: "cases.log" }, async (ctx, input) => {
  const done = await setConsent(ctx, input);
  revalidatePath(`/cases/${input.caseId}`);
  return done;
});
