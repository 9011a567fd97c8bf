"use client";

import { acknowledgeRiskAction } from "@/lib/cases/actions/reviews";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { acknowledgeRiskInput, RISK_ACTION_MAX } from "@/lib/cases/risk";

/** The supervisor records that they have seen the risk in this version, and what they did. */
export function RiskAckForm({ caseId, version }: { caseId: string; version: number }) {
  const { form, onSubmit, message } = useActionForm({
    schema: acknowledgeRiskInput,
    defaultValues: { caseId, version, followUp: "" },
    action: acknowledgeRiskAction,
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <TextArea
        label="What you did or will do"
        hint="For example: spoke with the trainee by phone, checked the safety plan, advised a referral. No names or dates."
        rows={3}
        maxLength={RISK_ACTION_MAX}
        {...register("followUp")}
        error={formState.errors.followUp?.message}
      />
      <FormMessage message={message} />
      <Button type="submit" disabled={formState.isSubmitting}>
        I have seen this risk
      </Button>
    </form>
  );
}
