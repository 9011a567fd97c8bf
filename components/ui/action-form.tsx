"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/core/action-result";
import { Alert } from "./alert";
import { applyServerErrors } from "./use-server-errors";

export type FormMessageState = { tone: "error" | "success"; text: string } | null;

/**
 * The one scaffold for a form that calls a server action: validate with the shared schema, call the
 * action, put field errors next to their fields and any other message in one live region, then
 * refresh the server-rendered page. `onSuccess` returns the success message (or nothing).
 */
export function useActionForm<Input extends FieldValues, Output, T>(opts: {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  action: (values: Output) => Promise<ActionResult<T>>;
  onSuccess?: (data: T, values: Output, form: UseFormReturn<Input, unknown, Output>) => string | void;
  /** After a refused submission (e.g. to reveal a confirmation the server asked for). */
  onFailure?: (result: Extract<ActionResult<T>, { ok: false }>) => void;
  refresh?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageState>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(opts.schema), defaultValues: opts.defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const r = await opts.action(values);
    if (!r.ok) {
      opts.onFailure?.(r);
      const text = applyServerErrors(r, form.setError);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    const text = opts.onSuccess?.(r.data, values, form);
    if (text) setMessage({ tone: "success", text });
    if (opts.refresh !== false) router.refresh();
  });
  return { form, onSubmit, message, setMessage };
}

/** Where useActionForm's message appears: announced to screen readers when it changes. */
export function FormMessage({ message }: { message: FormMessageState }) {
  if (!message) return null;
  return (
    <Alert tone={message.tone} live>
      {message.text}
    </Alert>
  );
}
