"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import type { z } from "zod";
import { signUpAction } from "@/lib/orgs/actions/sign-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { signUpInput } from "@/lib/orgs/schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

type Input = z.input<typeof signUpInput>;

export function SignUpForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "", organisationName: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signUpAction(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, setError));
      return;
    }
    const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (res?.error) {
      router.replace("/login");
      return;
    }
    router.replace("/home");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert tone="error" live>
          {formError}
        </Alert>
      ) : null}
      <TextField label="Your name" autoComplete="name" {...register("name")} error={errors.name?.message} />
      <TextField label="Email address" type="email" autoComplete="email" {...register("email")} error={errors.email?.message} />
      <NewPasswordField label="Password" {...register("password")} error={errors.password?.message} />
      <TextField
        label="Organisation name"
        hint="For example, your institute, clinic or counselling service."
        autoComplete="organization"
        {...register("organisationName")}
        error={errors.organisationName?.message}
      />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Creating your organisation…" : "Create organisation"}
      </Button>
    </form>
  );
}
