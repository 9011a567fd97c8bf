"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { requestEmailChangeAction } from "@/lib/auth/actions/account";
import { emailChangeInput, type EmailChangeInput } from "@/lib/auth/profile-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";

export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EmailChangeInput, unknown, z.output<typeof emailChangeInput>>({ resolver: zodResolver(emailChangeInput), defaultValues: { newEmail: "", currentPassword: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSentTo(null);
    const r = await requestEmailChangeAction(values);
    if (!r.ok) {
      setFormError(applyServerErrors(r, setError));
      return;
    }
    setSentTo(r.data.sentTo);
    reset({ newEmail: "", currentPassword: "" });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {formError ? (
        <Alert tone="error" live>
          {formError}
        </Alert>
      ) : null}
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
