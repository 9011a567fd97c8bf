"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { reopenCaseAction } from "@/lib/cases/actions/cases";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { reopenInput } from "@/lib/cases/schemas";

type Input = z.input<typeof reopenInput>;

export function ReopenForm({ caseId, version, caseLabel }: { caseId: string; version: number; caseLabel?: string | null }) {
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const { register, trigger, getValues, setError, formState } = useForm<Input>({ resolver: zodResolver(reopenInput), defaultValues: { caseId, version, reason: "" } });
  const name = caseLabel ? `case ${caseLabel}` : "this case";
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-3 no-print">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <TextArea label="Reason for reopening" hint="Recorded with the case. The trainee can then revise and resubmit." rows={3} maxLength={1000} {...register("reason")} error={formState.errors.reason?.message} />
      <ConfirmDialog
        triggerLabel="Reopen case"
        triggerVariant="secondary"
        title={`Reopen ${name}?`}
        confirmLabel={`Reopen ${name}`}
        beforeOpen={() => trigger("reason")}
        onConfirm={async () => {
          const res = await reopenCaseAction(getValues());
          if (!res.ok) {
            setFormError(applyServerErrors(res, setError));
            return res.error;
          }
          router.refresh();
          return null;
        }}
      >
        <p>The sign-off is withdrawn and the trainee can revise and resubmit. Your reason is recorded with the case and in the audit log.</p>
      </ConfirmDialog>
    </form>
  );
}
