"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { inviteAction } from "@/lib/onboarding/actions/invitations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import type { z } from "zod";
import { inviteInput, type InviteInput } from "@/lib/orgs/admin-schemas";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";

type Option = { id: string; label: string };
const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

export function InviteForm({ supervisors, cohorts }: { supervisors: Option[]; cohorts: Option[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, watch, formState: { errors, isSubmitting } } = useForm<InviteInput, unknown, z.output<typeof inviteInput>>({
    resolver: zodResolver(inviteInput),
    defaultValues: { email: "", name: "", role: "trainee", supervisorMembershipId: "", cohortId: "" },
  });
  const role = watch("role");

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await inviteAction(values);
    if (!result.ok) {
      const text = applyServerErrors(result, setError);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    setMessage({ tone: "success", text: `Invitation sent to ${values.email.trim().toLowerCase()}.` });
    reset({ email: "", name: "", role: values.role, supervisorMembershipId: values.supervisorMembershipId ?? "", cohortId: values.cohortId ?? "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
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
