"use client";

import { useState } from "react";
import { requestEmailChangeAction } from "@/lib/auth/actions/account";
import { emailChangeInput } from "@/lib/auth/profile-schemas";
import { Alert } from "@/components/ui/alert";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, message } = useActionForm({
    schema: emailChangeInput,
    defaultValues: { newEmail: "", currentPassword: "" },
    action: (values) => {
      setSentTo(null);
      return requestEmailChangeAction(values);
    },
    refresh: false,
    onSuccess: (data, _values, f) => {
      setSentTo(data.sentTo);
      f.reset({ newEmail: "", currentPassword: "" });
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <FormMessage message={message} />
      {sentTo ? (
        <Alert tone="success" live title="Check your new inbox">
          We sent a link to {sentTo}. Open it within 24 hours to finish; until then you keep signing in with {currentEmail}, which we have also told about the
          request. If no link arrives, that address may already belong to another Rapport account.
        </Alert>
      ) : null}
      <TextField label="New email address" type="email" autoComplete="email" maxLength={254} {...register("newEmail")} error={errors.newEmail?.message} />
      <TextField
        label="Your password"
        hint="The one you sign in with now: asked so that nobody else at this computer can move your account."
        type="password"
        autoComplete="current-password"
        {...register("currentPassword")}
        error={errors.currentPassword?.message}
      />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send a confirmation link"}
      </Button>
    </form>
  );
}
