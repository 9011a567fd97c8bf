"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import type { z } from "zod";
import { acceptExistingAction, acceptNewAction } from "@/lib/onboarding/actions/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { acceptNewInput, type AcceptNewInput } from "@/lib/orgs/admin-schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

export function AcceptNewForm({ token, email, name }: { token: string; email: string; name: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<AcceptNewInput, unknown, z.output<typeof acceptNewInput>>({
    resolver: zodResolver(acceptNewInput),
    // Checked on submit, then again as the person types: checking on blur would clear an error
    // line between mousedown and mouseup on the button, moving it from under the pointer so the
    // first click after a fix was lost (issue 16, defect 1).
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { token, name, password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await acceptNewAction(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, setError));
      return;
    }
    const res = await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    router.replace(res?.error ? "/login?callbackUrl=%2Fonboarding" : "/onboarding");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert tone="error" live>
          {formError}
        </Alert>
      ) : null}
      <TextField label="Email address" type="email" value={email} readOnly autoComplete="username" hint="The address this invitation was sent to." />
      <TextField label="Your name" autoComplete="name" maxLength={120} {...register("name")} error={errors.name?.message} />
      <NewPasswordField label="Choose a password" {...register("password")} error={errors.password?.message} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Joining…" : "Accept and join"}
      </Button>
    </form>
  );
}

export function JoinButton({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const r = await acceptExistingAction({ token });
          if (!r.ok) {
            setError(r.error);
            setPending(false);
            return;
          }
          router.replace("/onboarding");
          router.refresh();
        }}
      >
        {pending ? "Joining…" : `Join ${orgName}`}
      </Button>
    </div>
  );
}
