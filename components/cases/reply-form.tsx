"use client";

import { useState } from "react";
import { replyToCommentAction } from "@/lib/cases/actions/cases";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { LIMITS, replyInput } from "@/lib/cases/schemas";

/** A reply in a comment's thread (trainee or supervisor). Collapsed behind a button until wanted. */
export function ReplyForm({ caseId, parentId, label }: { caseId: string; parentId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const { form, onSubmit, message } = useActionForm({
    schema: replyInput,
    defaultValues: { caseId, parentId, body: "", identifiersChecked: false },
    action: replyToCommentAction,
    onFailure: (r) => {
      if (r.fieldErrors?.identifiersChecked) setFlagged(true);
    },
    onSuccess: (_d, _v, f) => {
      f.reset({ caseId, parentId, body: "", identifiersChecked: false });
      setFlagged(false);
      setOpen(false);
    },
  });
  const { register, formState } = form;
  if (!open) {
    return (
      <Button variant="ghost" className="mt-1" onClick={() => setOpen(true)} aria-label={`Reply to ${label}`}>
        Reply
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
      <TextArea label={`Your reply to ${label}`} rows={2} maxLength={LIMITS.comment} autoFocus {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      <FormMessage message={message} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          Send reply
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
