"use client";

import { inviteAction } from "@/lib/onboarding/actions/invitations";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { inviteInput } from "@/lib/orgs/admin-schemas";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";

type Option = { id: string; label: string };
const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

export function InviteForm({ supervisors, cohorts }: { supervisors: Option[]; cohorts: Option[] }) {
  const { form, onSubmit, message } = useActionForm({
    schema: inviteInput,
    defaultValues: { email: "", name: "", role: "trainee", supervisorMembershipId: "", cohortId: "" },
    action: inviteAction,
    onSuccess: (_d, values, f) => {
      f.reset({ email: "", name: "", role: values.role, supervisorMembershipId: values.supervisorMembershipId ?? "", cohortId: values.cohortId ?? "" });
      return `Invitation sent to ${values.email.trim().toLowerCase()}.`;
    },
  });
  const { register, watch, formState: { errors, isSubmitting } } = form;
  const role = watch("role");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Email address" type="email" autoComplete="off" maxLength={254} {...register("email")} error={errors.email?.message} />
        <TextField label="Name (optional)" hint="They can correct it when they accept." maxLength={120} {...register("name")} error={errors.name?.message} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-stone-800">Role</label>
          <select id="invite-role" className={selectClass} {...register("role")} aria-invalid={errors.role ? true : undefined} aria-describedby={errors.role ? "invite-role-error" : undefined}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
          <FieldMessage id="invite-role" error={errors.role?.message} />
        </div>
        <div>
          <label htmlFor="invite-supervisor" className="block text-sm font-medium text-stone-800">Supervisor (optional, trainees only)</label>
          <select
            id="invite-supervisor"
            className={selectClass}
            disabled={role !== "trainee"}
            {...register("supervisorMembershipId")}
            aria-invalid={errors.supervisorMembershipId ? true : undefined}
            aria-describedby={errors.supervisorMembershipId ? "invite-supervisor-error" : undefined}
          >
            <option value="">No supervisor</option>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
          <FieldMessage id="invite-supervisor" error={errors.supervisorMembershipId?.message} />
        </div>
        <div>
          <label htmlFor="invite-cohort" className="block text-sm font-medium text-stone-800">Cohort (optional)</label>
          <select id="invite-cohort" className={selectClass} {...register("cohortId")} aria-invalid={errors.cohortId ? true : undefined} aria-describedby={errors.cohortId ? "invite-cohort-error" : undefined}>
            <option value="">No cohort</option>
            {cohorts.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
          <FieldMessage id="invite-cohort" error={errors.cohortId?.message} />
        </div>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
