"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { reopenCaseAction } from "@/lib/cases/actions/cases";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { reopenInput } from "@/lib/cases/schemas";

type Input = z.input<typeof reopenInput>;

export function ReopenForm({ caseId, version }: { caseId: string; version: number }) {
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Input>({ resolver: zodResolver(reopenInput), defaultValues: { caseId, version, reason: "" } });
  const onSubmit = handleSubmit(async (v) => {
    const res = await reopenCaseAction(v);
    if (!res.ok) return setFormError(applyServerErrors(res, setError));
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 no-print">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <TextArea label="Reason for reopening" hint="Recorded with the case. The trainee can then revise and resubmit." rows={3} maxLength={1000} {...register("reason")} error={formState.errors.reason?.message} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        Reopen case
      </Button>
    </form>
  );
}
