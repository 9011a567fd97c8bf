"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { acceptExistingAction, acceptNewAction } from "@/lib/onboarding/actions/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { acceptNewInput } from "@/lib/orgs/admin-schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

export function AcceptNewForm({ token, email, name }: { token: string; email: string; name: string }) {
  const router = useRouter();
  const { form, onSubmit, message } = useActionForm({
    schema: acceptNewInput,
    // Checked on submit, then again as the person types: checking on blur would clear an error
    // line between mousedown and mouseup on the button, moving it from under the pointer so the
    // first click after a fix was lost (issue 16, defect 1).
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { token, name, password: "" },
    action: acceptNewAction,
    refresh: false,
    onSuccess: async (data, values) => {
      const res = await signIn("credentials", { email: data.email, password: values.password, redirect: false });
      router.replace(res?.error ? "/login?callbackUrl=%2Fonboarding" : "/onboarding");
      router.refresh();
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
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
