"use client";

import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/evaluations/select-field";
import { assignDrillAction } from "@/lib/practice/actions/assignments";
import { assignInput, type AssignInput } from "@/lib/practice/schemas";
import type { AssignmentTargets } from "@/lib/practice/assignments";

/** Sets this drill for one trainee or a cohort, with an optional due date. */
export function AssignForm({ drillKey, targets, supervisor }: { drillKey: string; targets: AssignmentTargets; supervisor: boolean }) {
  const { form, onSubmit, message } = useActionForm({
    schema: assignInput,
    defaultValues: { drillKey, target: "trainee", traineeMembershipId: "", cohortId: "", dueOn: "" } as AssignInput,
    action: assignDrillAction,
    rawValues: true,
    onSuccess: (r, _v, f) => {
      f.reset();
      return r.trainees === 1 ? "Assigned to 1 trainee. They have been told." : `Assigned to ${r.trainees} trainees. They have been told.`;
    },
  });
  const { register, watch, formState: { errors, isSubmitting } } = form;
  const target = watch("target");
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Assign to</legend>
        <div className="mt-1 flex gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="trainee" className="h-5 w-5" {...register("target")} /> A trainee
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="cohort" className="h-5 w-5" {...register("target")} /> A cohort
          </label>
        </div>
      </fieldset>
      {target === "cohort" ? (
        <SelectField
          id="assign-cohort"
          label="Cohort"
          hint={supervisor ? "Only the cohort's trainees that you supervise get the drill." : "Every active trainee in the cohort gets the drill."}
          error={errors.cohortId?.message}
          {...register("cohortId")}
        >
          <option value="">Choose a cohort…</option>
          {targets.cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.trainees === 1 ? "1 trainee" : `${c.trainees} trainees`})
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField id="assign-trainee" label="Trainee" error={errors.traineeMembershipId?.message} {...register("traineeMembershipId")}>
          <option value="">Choose a trainee…</option>
          {targets.trainees.map((t) => (
            <option key={t.membershipId} value={t.membershipId}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label="Due date (optional)" type="date" error={errors.dueOn?.message} {...register("dueOn")} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Assigning…" : "Assign this drill"}
      </Button>
    </form>
  );
}
