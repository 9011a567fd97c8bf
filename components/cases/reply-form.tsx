"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { replyToCommentAction } from "@/lib/cases/actions/cases";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { LIMITS, replyInput } from "@/lib/cases/schemas";

type Input = z.input<typeof replyInput>;

/** A reply in a comment's thread (trainee or supervisor). Collapsed behind a button until wanted. */
export function ReplyForm({ caseId, parentId, label }: { caseId: string; parentId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Input>({ resolver: zodResolver(replyInput), defaultValues: { caseId, parentId, body: "", identifiersChecked: false } });
  if (!open) {
    return (
      <Button variant="ghost" className="mt-1" onClick={() => setOpen(true)} aria-label={`Reply to ${label}`}>
        Reply
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (v) => {
    setMessage(null);
    const res = await replyToCommentAction(v);
    if (!res.ok) {
      if (res.fieldErrors?.identifiersChecked) setFlagged(true);
      const m = applyServerErrors(res, setError);
      if (m) setMessage(m);
      return;
    }
    reset({ caseId, parentId, body: "", identifiersChecked: false });
    setFlagged(false);
    setOpen(false);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
      <TextArea label={`Your reply to ${label}`} rows={2} maxLength={LIMITS.comment} autoFocus {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      {message ? (
        <Alert tone="error" live>
          {message}
        </Alert>
      ) : null}
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
