"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { signUpAction } from "@/lib/orgs/actions/sign-up";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signUpInput } from "@/lib/orgs/schemas";
import { NewPasswordField } from "@/components/auth/new-password-field";

export function SignUpForm() {
  const router = useRouter();
  const { form, onSubmit, message } = useActionForm({
    schema: signUpInput,
    defaultValues: { name: "", email: "", password: "", organisationName: "" },
    action: signUpAction,
    refresh: false,
    onSuccess: async (_data, values) => {
      const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (res?.error) {
        router.replace("/login");
        return;
      }
      router.replace("/home");
      router.refresh();
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
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
