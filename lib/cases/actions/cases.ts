"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { createDraft, dismissFlag, saveDraft } from "@/lib/cases/drafts";
import { reopenCase } from "@/lib/cases/review";
import { createDraftInput, dismissFlagInput, reopenInput, replyInput, saveDraftInput, submitCaseInput } from "@/lib/cases/schemas";
import { replyToComment } from "@/lib/cases/replies";
import { submitCase } from "@/lib/cases/submit";

// No revalidatePath here: the form swaps its URL to the new case in place, and a refresh of that
// route would remount the form over what the person is still typing. (Case pages are dynamic.)
export const createCaseAction = authedAction({ schema: createDraftInput, permission: "cases.log" }, (ctx, input) => createDraft(ctx, input.content, { requestId: input.requestId }));

export const saveCaseAction = authedAction({ schema: saveDraftInput, permission: "cases.log" }, (ctx, input) => saveDraft(ctx, input));

export const submitCaseAction = authedAction({ schema: submitCaseInput, permission: "cases.log" }, async (ctx, input) => {
  const done = await submitCase(ctx, input);
  revalidatePath("/cases");
  revalidatePath(`/cases/${done.caseId}`);
  return done;
});

export const dismissFlagAction = authedAction({ schema: dismissFlagInput, permission: "cases.log" }, (ctx, input) => dismissFlag(ctx, input));

// Reopening is open to the assigned supervisor and to org_admins; the data layer decides who.
export const reopenCaseAction = authedAction({ schema: reopenInput }, async (ctx, input) => {
  const done = await reopenCase(ctx, input);
  revalidatePath(`/cases/${done.caseId}`);
  return done;
});

export const replyToCommentAction = authedAction({ schema: replyInput }, async (ctx, input) => {
  const done = await replyToComment(ctx, input);
  revalidatePath(`/cases/${done.caseId}`);
  revalidatePath(`/reviews/${done.caseId}`);
  return { id: done.id };
});
