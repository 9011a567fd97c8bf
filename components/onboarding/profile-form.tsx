"use client";

import { saveProfileAction } from "@/lib/onboarding/actions/profile";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { profileInput } from "@/lib/orgs/admin-schemas";

export function ProfileForm({ initial }: { initial: { position: string; pronouns: string } | null }) {
  const { form, onSubmit, message } = useActionForm({
    schema: profileInput,
    defaultValues: initial ?? { position: "", pronouns: "" },
    action: saveProfileAction,
    onSuccess: () => "Profile saved.",
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <FormMessage message={message} />
      <TextField label="Your position" hint="For example, provisional psychologist or counselling student. At most 120 characters." maxLength={120} {...register("position")} error={errors.position?.message} />
      <TextField label="Pronouns (optional)" maxLength={40} {...register("pronouns")} error={errors.pronouns?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
