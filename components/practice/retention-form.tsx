"use client";

import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { setRetentionAction } from "@/lib/practice/actions/settings";
import { retentionInput, type RetentionInput } from "@/lib/practice/schemas";

export function RetentionForm({ days, version }: { days: number; version: number }) {
  const { form, onSubmit, message } = useActionForm({
    schema: retentionInput,
    defaultValues: { recordingRetentionDays: String(days), version } as RetentionInput,
    action: setRetentionAction,
    onSuccess: (r, _v, f) => {
      f.setValue("version", r.version);
      return "Saved. Recordings older than this are deleted within the hour.";
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3">
      <TextField
        label="Keep spoken responses for (days)"
        type="number"
        inputMode="numeric"
        min={1}
        hint="Then the recording is deleted; the response's feedback stays. Rapport's default is 90 days."
        error={errors.recordingRetentionDays?.message}
        {...register("recordingRetentionDays")}
      />
      <input type="hidden" {...register("version")} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save retention"}
      </Button>
    </form>
  );
}
