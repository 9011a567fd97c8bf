"use client";

import { useState } from "react";
import { addCommentAction } from "@/lib/cases/actions/reviews";
import { RadioGroup } from "@/components/cases/case-form-sections";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { FEEDBACK_FOCI } from "@/lib/cases/codes";
import { commentInput, LIMITS } from "@/lib/cases/schemas";

/** A feedback comment tagged with its focus in Bernard's discrimination model. */
export function CommentForm({ caseId }: { caseId: string }) {
  const [flagged, setFlagged] = useState(false);
  const blank = { caseId, focus: undefined, body: "", identifiersChecked: false };
  const { form, onSubmit, message } = useActionForm({
    schema: commentInput,
    defaultValues: blank,
    action: addCommentAction,
    onFailure: (r) => {
      if (r.fieldErrors?.identifiersChecked) setFlagged(true);
    },
    onSuccess: (_d, _v, f) => {
      f.reset(blank);
      setFlagged(false);
      return "Comment added. The trainee can see it with the case.";
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <RadioGroup legend="Focus" name="focus" inline options={FEEDBACK_FOCI} register={register} error={formState.errors.focus?.message} />
      <TextArea label="Comment" rows={3} maxLength={LIMITS.comment} {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        Add comment
      </Button>
    </form>
  );
}
