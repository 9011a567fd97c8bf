"use client";

import { signOut } from "next-auth/react";
import { changePasswordAction } from "@/lib/auth/actions/account";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordInput } from "@/lib/auth/schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

export function ChangePasswordForm() {
  const { form, onSubmit, message } = useActionForm({
    schema: changePasswordInput,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changePasswordAction,
    refresh: false,
    onSuccess: async () => {
      await signOut({ callbackUrl: "/login?notice=password-changed" });
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <TextField label="Current password" type="password" autoComplete="current-password" {...register("currentPassword")} error={errors.currentPassword?.message} />
      <NewPasswordField label="New password" {...register("newPassword")} error={errors.newPassword?.message} />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" {...register("confirmPassword")} error={errors.confirmPassword?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
