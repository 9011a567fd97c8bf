"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { commentOnReflectionAction } from "@/lib/modules/actions/reflection-comments";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { LIMITS, reflectionCommentInput } from "@/lib/cases/schemas";

type Input = z.input<typeof reflectionCommentInput>;

/** A comment on a shared reflection (supervisor) or a reply in a thread (trainee or supervisor). */
export function ReflectionCommentForm({ reflectionId, parentId, label, submit }: { reflectionId: string; parentId?: string; label: string; submit: string }) {
  const router = useRouter();
  const [flagged, setFlagged] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const defaults = { reflectionId, parentId, body: "", identifiersChecked: false };
  const { register, handleSubmit, setError, reset, formState } = useForm<Input>({ resolver: zodResolver(reflectionCommentInput), defaultValues: defaults });
  const onSubmit = handleSubmit(async (v) => {
    setMessage(null);
    const res = await commentOnReflectionAction(v);
    if (!res.ok) {
      if (res.fieldErrors?.identifiersChecked) setFlagged(true);
      const m = applyServerErrors(res, setError);
      if (m) setMessage({ tone: "error", text: m });
      return;
    }
    reset(defaults);
    setFlagged(false);
    setMessage({ tone: "success", text: "Sent." });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
      <TextArea label={label} rows={2} maxLength={LIMITS.comment} {...register("body")} error={formState.errors.body?.message} />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={formState.errors.identifiersChecked?.message} /> : null}
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {submit}
      </Button>
    </form>
  );
}
