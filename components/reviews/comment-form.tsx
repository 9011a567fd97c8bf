"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { addCommentAction } from "@/lib/cases/actions/reviews";
import { RadioGroup } from "@/components/cases/case-form-sections";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { FEEDBACK_FOCI } from "@/lib/cases/codes";
import { commentInput, LIMITS } from "@/lib/cases/schemas";

type Input = z.input<typeof commentInput>;

/** A feedback comment tagged with its focus in Bernard's discrimination model. */
export function CommentForm({ caseId }: { caseId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [flagged, setFlagged] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<Input>({
    resolver: zodResolver(commentInput),
    defaultValues: { caseId, focus: undefined, body: "", identifiersChecked: false },
  });
  const onSubmit = handleSubmit(async (v) => {
    setMessage(null);
    const res = await addCommentAction(v);
    if (!res.ok) {
      if (res.fieldErrors?.identifiersChecked) setFlagged(true);
      const m = applyServerErrors(res, setError);
      if (m) setMessage({ tone: "error", text: m });
      return;
    }
    reset({ caseId, focus: undefined, body: "", identifiersChecked: false });
    setFlagged(false);
    setMessage({ tone: "success", text: "Comment added. The trainee can see it with the case." });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <RadioGroup legend="Focus" name="focus" inline options={FEEDBACK_FOCI} register={register} error={formState.errors.focus?.message} />
      <TextArea label="Comment" rows={3} maxLength={LIMITS.comment} {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        Add comment
      </Button>
    </form>
  );
}
