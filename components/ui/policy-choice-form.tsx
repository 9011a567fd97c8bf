"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/core/action-result";

export type PolicyOption<P extends string> = { code: P; label: string };

/**
 * One organisation policy chosen from a few options (radio buttons and Save), saved by `save`.
 * The server's refusal shows beside the choice; `saved` is what to say once it is stored.
 */
export function PolicyChoiceForm<P extends string>({
  legend,
  options,
  policy,
  save,
  saved = "Saved.",
}: {
  legend: string;
  options: readonly PolicyOption<P>[];
  policy: P;
  save: (input: { policy: P }) => Promise<ActionResult<unknown>>;
  saved?: string;
}) {
  const [value, setValue] = useState<P>(policy);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await save({ policy: value });
          setMessage(r.ok ? { tone: "success", text: saved } : { tone: "error", text: r.fieldErrors?.policy?.[0] ?? r.error });
        });
      }}
      className="space-y-3"
    >
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{legend}</legend>
        {options.map((o) => (
          <label key={o.code} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="policy" value={o.code} checked={value === o.code} onChange={() => setValue(o.code)} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </fieldset>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
