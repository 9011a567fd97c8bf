"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { acknowledgeRiskAction } from "@/lib/cases/actions/reviews";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { acknowledgeRiskInput, RISK_ACTION_MAX } from "@/lib/cases/risk";

type Input = z.input<typeof acknowledgeRiskInput>;

/** The supervisor records that they have seen the risk in this version, and what they did. */
export function RiskAckForm({ caseId, version }: { caseId: string; version: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Input>({ resolver: zodResolver(acknowledgeRiskInput), defaultValues: { caseId, version, followUp: "" } });
  const onSubmit = handleSubmit(async (v) => {
    setMessage(null);
    const res = await acknowledgeRiskAction(v);
    if (!res.ok) {
      const m = applyServerErrors(res, setError);
      if (m) setMessage(m);
      return;
    }
    router.refresh();
  });
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
      {message ? (
        <Alert tone="error" live>
          {message}
        </Alert>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting}>
        I have seen this risk
      </Button>
    </form>
  );
}
