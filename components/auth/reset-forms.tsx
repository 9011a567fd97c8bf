"use client";

import { useState } from "react";
import Link from "next/link";
import { requestResetAction, resetPasswordAction } from "@/lib/auth/actions/reset-password";
import { Alert } from "@/components/ui/alert";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordInput, resetRequestInput } from "@/lib/auth/schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

export function RequestResetForm() {
  const [done, setDone] = useState(false);
  const { form, onSubmit, message } = useActionForm({
    schema: resetRequestInput,
    defaultValues: { email: "" },
    action: requestResetAction,
    refresh: false,
    onSuccess: () => setDone(true),
  });
  const { register, formState } = form;
  if (done) {
    return (
      <Alert tone="success" live title="Check your email">
        If an account uses that address, we&apos;ve sent it a link to choose a new password. The link works once, for an hour.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <TextField label="Email address" type="email" autoComplete="username" {...register("email")} error={formState.errors.email?.message} />
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const { form, onSubmit, message } = useActionForm({
    schema: resetPasswordInput,
    defaultValues: { token, newPassword: "", confirmPassword: "" },
    action: resetPasswordAction,
    refresh: false,
    onSuccess: () => setDone(true),
  });
  const { register, formState } = form;
  if (done) {
    return (
      <Alert tone="success" live title="Password changed">
        Your password has been changed and you&apos;ve been signed out everywhere. <Link href="/login">Sign in with your new password</Link>.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <input type="hidden" {...register("token")} />
      <NewPasswordField label="New password" {...register("newPassword")} error={formState.errors.newPassword?.message} />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" {...register("confirmPassword")} error={formState.errors.confirmPassword?.message} />
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
