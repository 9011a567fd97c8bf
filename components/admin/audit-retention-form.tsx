"use client";

import { setAuditRetentionAction } from "@/lib/orgs/actions/settings";
import { AUDIT_RETENTION_MIN_YEARS, auditRetentionInput } from "@/lib/orgs/settings-schemas";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** How many years the organisation's audit events are kept before they may be archived. */
export function AuditRetentionForm({ years }: { years: number }) {
  const { form, onSubmit, message } = useActionForm({
    schema: auditRetentionInput,
    defaultValues: { years: String(years) },
    // raw: the field's own text goes to the action, which parses it again.
    rawValues: true,
    action: setAuditRetentionAction,
    onSuccess: (data) => (data.changed ? `Audit records are now kept for ${data.years} ${data.years === 1 ? "year" : "years"}.` : "Nothing to change."),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormMessage message={message} />
      <div className="max-w-48">
        <TextField
          label="Keep audit records for (years)"
          hint={`At least ${AUDIT_RETENTION_MIN_YEARS} year.`}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          {...register("years")}
          error={errors.years?.message}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save retention"}
      </Button>
    </form>
  );
}
