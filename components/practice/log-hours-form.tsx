"use client";

import Link from "next/link";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/evaluations/select-field";
import { logPracticeHoursAction } from "@/lib/practice/actions/responses";
import { logHoursInput, type LogHoursInput } from "@/lib/practice/schemas";

/** Puts the time spent on a drill in the hours ledger: a draft skills-practice entry (never direct contact). */
export function LogHoursForm({ attemptId, minutes, placements }: { attemptId: string; minutes: number; placements: { traineePlacementId: string; name: string }[] }) {
  const { form, onSubmit, message } = useActionForm({
    schema: logHoursInput,
    defaultValues: { attemptId, traineePlacementId: placements.length === 1 ? placements[0].traineePlacementId : "", minutes: String(minutes) } as LogHoursInput,
    action: logPracticeHoursAction,
    onSuccess: () => "Added to your hours as a draft skills-practice entry. Submit it for approval from your hours ledger.",
  });
  const { register, formState: { errors, isSubmitting } } = form;
  if (placements.length === 0) {
    return <p className="text-sm text-stone-700">You have no current placement, so there is no ledger to add this time to. Your organisation&apos;s admin adds placements.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3">
      <SelectField id="hours-placement" label="Placement" error={errors.traineePlacementId?.message} {...register("traineePlacementId")}>
        <option value="">Choose a placement…</option>
        {placements.map((p) => (
          <option key={p.traineePlacementId} value={p.traineePlacementId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Minutes spent" type="number" inputMode="numeric" min={1} max={240} hint="Counted as skills practice (role-play), never as direct client contact." error={errors.minutes?.message} {...register("minutes")} />
      <FormMessage message={message} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add to my hours as skills practice"}
        </Button>
        <Link href="/hours">Open your hours ledger</Link>
      </div>
    </form>
  );
}
