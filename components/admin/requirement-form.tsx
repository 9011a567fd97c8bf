"use client";

import { createRequirementAction } from "@/lib/onboarding/actions/requirements";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { requirementInput } from "@/lib/orgs/admin-schemas";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

function Select({ id, label, error, children, ...rest }: { id: string; label: string; error?: string; children: React.ReactNode } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <select id={id} className={selectClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest}>
        {children}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export function RequirementForm({ modules, cohorts }: { modules: { id: string; title: string }[]; cohorts: { id: string; name: string }[] }) {
  const { form, onSubmit, message } = useActionForm({
    schema: requirementInput,
    defaultValues: { moduleId: "", target: "role", role: "trainee", cohortId: "", dueKind: "days", dueOn: "", dueDays: 30 },
    action: createRequirementAction,
    onSuccess: () => "Requirement added. It applies to current and future members straight away.",
  });
  const { register, watch, formState: { errors, isSubmitting } } = form;
  const target = watch("target");
  const dueKind = watch("dueKind");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <Select id="req-module" label="Module" error={errors.moduleId?.message} {...register("moduleId")}>
        <option value="">Choose a module…</option>
        {modules.map((m) => (
          <option key={m.id} value={m.id}>{m.title}</option>
        ))}
      </Select>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Required for</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" value="role" {...register("target")} /> Everyone with a role</label>
          <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" value="cohort" {...register("target")} /> A cohort</label>
        </div>
      </fieldset>
      {target === "role" ? (
        <Select id="req-role" label="Role" error={errors.role?.message} {...register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </Select>
      ) : (
        <Select id="req-cohort" label="Cohort" error={errors.cohortId?.message} {...register("cohortId")}>
          <option value="">Choose a cohort…</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </Select>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Due</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" value="days" {...register("dueKind")} /> A number of days after joining</label>
          <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" value="date" {...register("dueKind")} /> On a fixed date</label>
        </div>
      </fieldset>
      {dueKind === "days" ? (
        <TextField label="Days after joining" type="number" inputMode="numeric" min={0} max={3650} {...register("dueDays")} error={errors.dueDays?.message} />
      ) : (
        <TextField label="Due date" type="date" hint="Due by the end of this day." {...register("dueOn")} error={errors.dueOn?.message} />
      )}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add requirement"}
      </Button>
    </form>
  );
}
