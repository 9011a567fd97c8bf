"use client";

import { useState } from "react";
import { commentOnReflectionAction } from "@/lib/modules/actions/reflection-comments";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { LIMITS, reflectionCommentInput } from "@/lib/cases/schemas";

/** A comment on a shared reflection (supervisor) or a reply in a thread (trainee or supervisor). */
export function ReflectionCommentForm({ reflectionId, parentId, label, submit }: { reflectionId: string; parentId?: string; label: string; submit: string }) {
  const [flagged, setFlagged] = useState(false);
  const defaults = { reflectionId, parentId, body: "", identifiersChecked: false };
  const { form, onSubmit, message } = useActionForm({
    schema: reflectionCommentInput,
    defaultValues: defaults,
    action: commentOnReflectionAction,
    onFailure: (r) => {
      if (r.fieldErrors?.identifiersChecked) setFlagged(true);
    },
    onSuccess: (_d, _v, f) => {
      f.reset(defaults);
      setFlagged(false);
      return "Sent.";
    },
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
      <TextArea label={label} rows={2} maxLength={LIMITS.comment} {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {submit}
      </Button>
    </form>
  );
}
