"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { closeCalibrationRound, openCalibrationRound, saveDiscussionNote } from "@/lib/calibration/rounds";
import { closeRoundInput, discussionNoteInput, openCalibrationRoundInput } from "@/lib/calibration/schemas";

export const openCalibrationRoundAction = authedAction({ schema: openCalibrationRoundInput, permission: "calibration.manage" }, async (ctx, input) => {
  const opened = await openCalibrationRound(ctx, input);
  revalidatePath("/calibration");
  return opened;
});

export const closeCalibrationRoundAction = authedAction({ schema: closeRoundInput, permission: "calibration.manage" }, async (ctx, input) => {
  const done = await closeCalibrationRound(ctx, input);
  revalidatePath(`/calibration/${input.roundId}`);
  return done;
});

export const saveDiscussionNoteAction = authedAction({ schema: discussionNoteInput, permission: "calibration.manage" }, async (ctx, input) => {
  const done = await saveDiscussionNote(ctx, input);
  revalidatePath(`/calibration/${input.roundId}`);
  return done;
});
