"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { saveProfileAction } from "@/lib/onboarding/actions/profile";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { profileInput, type ProfileInput } from "@/lib/orgs/admin-schemas";

export function ProfileForm({ initial }: { initial: { position: string; pronouns: string } | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<ProfileInput, unknown, z.output<typeof profileInput>>({
    resolver: zodResolver(profileInput),
    defaultValues: initial ?? { position: "", pronouns: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const r = await saveProfileAction(values);
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
      <TextField label="Your position" hint="For example, provisional psychologist or counselling student. At most 120 characters." maxLength={120} {...register("position")} error={errors.position?.message} />
      <TextField label="Pronouns (optional)" maxLength={40} {...register("pronouns")} error={errors.pronouns?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
