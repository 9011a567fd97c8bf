"use client";

import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, TextArea, TextField } from "@/components/ui/field";
import { signEvaluationAction } from "@/lib/evaluations/actions/responses";
import { FORM_LIMITS } from "@/lib/evaluations/definition";
import { signInput, type SignInput } from "@/lib/evaluations/schemas";
import type { Side } from "@/lib/evaluations/status";

/** The box starts unticked; the schema accepts only a ticked one. */
const schema: z.ZodType<z.output<typeof signInput>, Omit<SignInput, "attest"> & { attest: boolean }> = signInput;

/** A typed-name attestation; the trainee may record a disagreement with it. */
export function SignForm({ evaluationId, version, side, accountName }: { evaluationId: string; version: number; side: Side; accountName: string }) {
  const { form, onSubmit, message } = useActionForm({
    schema,
    defaultValues: { evaluationId, version, name: "", attest: false, disagree: false, disagreement: "" },
    action: signEvaluationAction,
  });
  const { register, control, formState: { errors, isSubmitting } } = form;
  const disagree = useWatch({ control, name: "disagree" });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <p className="text-sm text-stone-700">
        {side === "self"
          ? "Signing confirms that you have read both sides and discussed them with your supervisor. It doesn't mean you agree: record any disagreement below and it stays with the evaluation."
          : "Signing confirms that this is your evaluation and that you have read the trainee's self-evaluation beside it."}{" "}
        Once you have both signed, the evaluation is locked.
      </p>
      {side === "self" ? (
        <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <Checkbox label="I want to record a disagreement with this evaluation" {...register("disagree")} />
          {disagree ? (
            <TextArea
              label="What you disagree with, and why"
              hint="Your supervisor and your organisation's admins will read this with the evaluation."
              rows={4}
              maxLength={FORM_LIMITS.disagreement}
              {...register("disagreement")}
              error={errors.disagreement?.message}
            />
          ) : null}
        </div>
      ) : null}
      <TextField label="Type your full name to sign" hint={`As on your account: ${accountName}`} autoComplete="name" {...register("name")} error={errors.name?.message} />
      <Checkbox label="I have read this evaluation, and I sign it with my typed name" {...register("attest")} error={errors.attest?.message} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing…" : "Sign the evaluation"}
      </Button>
    </form>
  );
}
