"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type UseFormProps, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/core/action-result";
import { Alert } from "./alert";
import { applyServerErrors } from "./use-server-errors";

export type FormMessageState = { tone: "error" | "success"; text: string } | null;

/** What the action receives (`Submitted`), and what happens with its answer. */
type Submission<Input extends FieldValues, Output, Submitted, T> = {
  action: (values: Submitted) => Promise<ActionResult<T>>;
  /** Returns the success message (or nothing); may wait, e.g. to sign in before moving on. */
  onSuccess?: (data: T, values: Submitted, form: UseFormReturn<Input, unknown, Output>) => string | void | Promise<string | void>;
};

export type ActionFormOptions<Input extends FieldValues, Output, T> = {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  /** After a refused submission (e.g. to reveal a confirmation the server asked for). */
  onFailure?: (result: Extract<ActionResult<T>, { ok: false }>) => void;
  /**
   * Shown when fields are marked and no other message says why: when the form's own check fails,
   * and when the server's field errors were all placed next to their fields.
   */
  invalidMessage?: string;
  refresh?: boolean;
  /** When fields are first checked, and re-checked after a failed submission (react-hook-form's defaults otherwise). */
  mode?: UseFormProps<Input>["mode"];
  reValidateMode?: UseFormProps<Input>["reValidateMode"];
} & (
  | (Submission<Input, Output, Output, T> & { rawValues?: false })
  /** The action gets the form's own values, checked by the schema but not transformed; it parses them again. */
  | (Submission<Input, Output, Input, T> & { rawValues: true })
);

/**
 * The one scaffold for a form that calls a server action: validate with the shared schema, call the
 * action, put field errors next to their fields and any other message in one live region, then
 * refresh the server-rendered page. `onSuccess` returns the success message (or nothing).
 */
export function useActionForm<Input extends FieldValues, Output, T>(opts: ActionFormOptions<Input, Output, T>) {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageState>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(opts.schema),
    defaultValues: opts.defaultValues,
    ...(opts.mode ? { mode: opts.mode } : {}),
    ...(opts.reValidateMode ? { reValidateMode: opts.reValidateMode } : {}),
  });
  const invalid = () => {
    if (opts.invalidMessage) setMessage({ tone: "error", text: opts.invalidMessage });
  };
  const onSubmit = form.handleSubmit(async (parsed) => {
    setMessage(null);
    let r: ActionResult<T>;
    let text: string | void = undefined;
    if (opts.rawValues) {
      const raw = form.getValues();
      r = await opts.action(raw);
      if (r.ok) text = await opts.onSuccess?.(r.data, raw, form);
    } else {
      r = await opts.action(parsed);
      if (r.ok) text = await opts.onSuccess?.(r.data, parsed, form);
    }
    if (!r.ok) {
      opts.onFailure?.(r);
      const error = applyServerErrors(r, form.setError);
      if (error) setMessage({ tone: "error", text: error });
      else invalid();
      return;
    }
    if (text) setMessage({ tone: "success", text });
    if (opts.refresh !== false) router.refresh();
  }, invalid);
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
