"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { issueSummaryAction } from "@/lib/hours/actions/summaries";
import { summaryInput } from "@/lib/hours/schemas";

/** Issues a signed summary of approved hours for a period, then offers the PDF and its check page. */
export function SummaryForm({ traineeMembershipId, placements, allowAll, from, to }: { traineeMembershipId: string; placements: { traineePlacementId: string; name: string }[]; allowAll: boolean; from: string; to: string }) {
  const id = useId();
  const [issued, setIssued] = useState<string | null>(null);
  const { form, onSubmit, message } = useActionForm({
    schema: summaryInput,
    defaultValues: { traineeMembershipId, traineePlacementId: allowAll ? "" : (placements[0]?.traineePlacementId ?? ""), from, to },
    rawValues: true,
    action: (values) => {
      setIssued(null);
      return issueSummaryAction(values);
    },
    refresh: false,
    onSuccess: (data) => setIssued(data.serial),
  });
  const { register, formState: { errors, isSubmitting } } = form;
  if (!allowAll && placements.length === 0) return <p className="text-stone-700">No placement of this trainee is one you supervise.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Issue a signed summary">
      <FormMessage message={message} />
      <input type="hidden" {...register("traineeMembershipId")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-placement`} className="block text-sm font-medium text-stone-800">Placement</label>
          <select id={`${id}-placement`} className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2" aria-invalid={errors.traineePlacementId ? true : undefined} aria-describedby={errors.traineePlacementId ? `${id}-placement-error` : undefined} {...register("traineePlacementId")}>
            {allowAll ? <option value="">All placements and supervision sessions</option> : null}
            {placements.map((p) => (
              <option key={p.traineePlacementId} value={p.traineePlacementId}>{p.name}</option>
            ))}
          </select>
          <FieldMessage id={`${id}-placement`} error={errors.traineePlacementId?.message} />
        </div>
        <TextField id={`${id}-from`} label="First day" type="date" {...register("from")} error={errors.from?.message} />
        <TextField id={`${id}-to`} label="Last day" type="date" {...register("to")} error={errors.to?.message} />
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Issuing…" : "Issue signed summary"}
      </Button>
      {issued ? (
        <Alert tone="success" live>
          Summary issued with serial <strong data-testid="summary-serial">{issued}</strong>.{" "}
          <a href={`/hours/summaries/${issued}/pdf`} download data-testid="summary-pdf">
            Download the PDF
          </a>{" "}
          · <a href={`/verify/hours/${issued}`}>Its verification page</a> (anyone with the serial can check it).
        </Alert>
      ) : null}
    </form>
  );
}
