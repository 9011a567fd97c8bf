"use client";

import { useEffect } from "react";
import { inviteAction } from "@/lib/onboarding/actions/invitations";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { PersonPicker, SearchPicker, type PickedItem } from "@/components/ui/search-picker";
import { inviteInput } from "@/lib/orgs/admin-schemas";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

/**
 * Invite one person. The supervisor and the cohort are searched as the admin types (an
 * organisation may have hundreds of supervisors): the page carries neither list. After a
 * successful invitation the role, supervisor and cohort stay chosen for the next person (the
 * form is reset to them, and the pickers, which hold what they show, are left as they are).
 */
export function InviteForm() {
  const { form, onSubmit, message } = useActionForm({
    schema: inviteInput,
    defaultValues: { email: "", name: "", role: "trainee", supervisorMembershipId: "", cohortId: "" },
    action: inviteAction,
    onSuccess: (_d, values, f) => {
      f.reset({ email: "", name: "", role: values.role, supervisorMembershipId: values.supervisorMembershipId ?? "", cohortId: values.cohortId ?? "" });
      return `Invitation sent to ${values.email.trim().toLowerCase()}.`;
    },
  });
  const { register, setValue, watch, formState: { errors, isSubmitting, isSubmitted } } = form;
  const role = watch("role");
  useEffect(() => {
    register("supervisorMembershipId");
    register("cohortId");
  }, [register]);
  const pick = (field: "supervisorMembershipId" | "cohortId") => (item: PickedItem | null) => setValue(field, item?.id ?? "", { shouldValidate: isSubmitted });
  // Only trainees have a supervisor: a choice made before the role changed is dropped, not sent
  // (the picker goes with it and comes back empty).
  const roleField = register("role", {
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
      if (e.target.value !== "trainee") setValue("supervisorMembershipId", "");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Email address" type="email" autoComplete="off" maxLength={254} {...register("email")} error={errors.email?.message} />
        <TextField label="Name (optional)" hint="They can correct it when they accept." maxLength={120} {...register("name")} error={errors.name?.message} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-stone-800">Role</label>
          <select id="invite-role" className={selectClass} {...roleField} aria-invalid={errors.role ? true : undefined} aria-describedby={errors.role ? "invite-role-error" : undefined}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
          <FieldMessage id="invite-role" error={errors.role?.message} />
        </div>
        {role === "trainee" ? (
          <PersonPicker
            id="invite-supervisor"
            name="supervisorMembershipId"
            label="Supervisor (optional)"
            role="supervisor"
            hint="Type a name or email. Leave empty to assign one later."
            error={errors.supervisorMembershipId?.message}
            onChange={pick("supervisorMembershipId")}
          />
        ) : (
          <p className="self-end text-sm text-stone-700">Only trainees are invited with a supervisor.</p>
        )}
        <SearchPicker
          id="invite-cohort"
          name="cohortId"
          label="Cohort (optional)"
          source="cohort"
          hint="Type part of the cohort's name."
          error={errors.cohortId?.message}
          onChange={pick("cohortId")}
        />
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
