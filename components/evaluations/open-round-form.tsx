"use client";

import { useRouter } from "next/navigation";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { openRoundAction } from "@/lib/evaluations/actions/rounds";
import { openRoundInput, ROUND_NAME_SUGGESTIONS } from "@/lib/evaluations/schemas";
import { SelectField } from "./select-field";

export function OpenRoundForm({ forms, cohorts, supervisor }: { forms: { id: string; name: string; currentVersion: number }[]; cohorts: { id: string; name: string; trainees: number }[]; supervisor: boolean }) {
  const router = useRouter();
  const { form, onSubmit, message } = useActionForm({
    schema: openRoundInput,
    defaultValues: { formId: forms.length === 1 ? forms[0].id : "", cohortId: "", name: "", dueOn: "" },
    action: openRoundAction,
    refresh: false,
    onSuccess: (data) => {
      router.push(`/evaluations/rounds/${data.roundId}?opened=${data.evaluations}&unassigned=${data.withoutEvaluator}`);
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-5">
      <SelectField id="round-form" label="Form" hint="The round uses the form's current version; later edits to the form don't change it." error={errors.formId?.message} {...register("formId")}>
        <option value="">Choose a form…</option>
        {forms.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} (version {f.currentVersion})
          </option>
        ))}
      </SelectField>
      <SelectField
        id="round-cohort"
        label="Cohort"
        hint={supervisor ? "Only the trainees of the cohort that you supervise are included, with you as their evaluator." : "Every active trainee in the cohort gets an evaluation, with their supervisor as evaluator."}
        error={errors.cohortId?.message}
        {...register("cohortId")}
      >
        <option value="">Choose a cohort…</option>
        {cohorts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.trainees === 1 ? "1 trainee" : `${c.trainees} trainees`}
            {supervisor ? " of yours" : ""})
          </option>
        ))}
      </SelectField>
      <TextField label="Name of the round" hint={`For example, “${ROUND_NAME_SUGGESTIONS.join("” or “")}”.`} maxLength={120} list="round-names" {...register("name")} error={errors.name?.message} />
      <datalist id="round-names">
        {ROUND_NAME_SUGGESTIONS.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TextField label="Due date (optional)" type="date" {...register("dueOn")} error={errors.dueOn?.message} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Opening…" : "Open the round"}
      </Button>
    </form>
  );
}
