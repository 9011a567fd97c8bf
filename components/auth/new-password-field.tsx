import type { InputHTMLAttributes } from "react";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/auth/password";

/** A field for choosing a password: one hint, taken from the policy, wherever a password is set. */
export function NewPasswordField({ label, error, ...props }: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <TextField label={label} type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters, and not a common or easily guessed password. Pasting from a password manager is fine.`} error={error} {...props} />;
}
