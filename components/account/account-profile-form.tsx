"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { saveAccountProfileAction } from "@/lib/auth/actions/account";
import { accountProfileInput, type AccountProfileInput } from "@/lib/auth/profile-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";

export function AccountProfileForm({ initial }: { initial: AccountProfileInput }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AccountProfileInput, unknown, z.output<typeof accountProfileInput>>({ resolver: zodResolver(accountProfileInput), defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const r = await saveAccountProfileAction(values);
    if (!r.ok) {
      const text = applyServerErrors(r, setError);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    setMessage({ tone: "success", text: "Profile saved." });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
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
