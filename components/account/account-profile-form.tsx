"use client";

import { saveAccountProfileAction } from "@/lib/auth/actions/account";
import { accountProfileInput, type AccountProfileInput } from "@/lib/auth/profile-schemas";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function AccountProfileForm({ initial }: { initial: AccountProfileInput }) {
  const { form, onSubmit, message } = useActionForm({
    schema: accountProfileInput,
    defaultValues: initial,
    action: saveAccountProfileAction,
    onSuccess: () => "Profile saved.",
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <FormMessage message={message} />
      <TextField
        label="Display name"
        hint="Your full name as it appears to your supervisors and admins, and on certificates issued from now on."
        autoComplete="name"
        maxLength={120}
        {...register("name")}
        error={errors.name?.message}
      />
      <TextField label="Preferred name (optional)" hint="What Rapport calls you, if not your display name." autoComplete="nickname" maxLength={60} {...register("preferredName")} error={errors.preferredName?.message} />
      <TextField label="Pronouns (optional)" hint="For example, she/her, he/him or they/them." maxLength={40} {...register("pronouns")} error={errors.pronouns?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
