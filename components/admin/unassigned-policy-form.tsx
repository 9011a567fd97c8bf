"use client";

import { useState, useTransition } from "react";
import { setUnassignedPolicyAction } from "@/lib/orgs/actions/unsupervised";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const OPTIONS = [
  { code: "refuse", label: "Keep the case as a draft and tell the trainee to ask an admin for a supervisor (recommended)" },
  { code: "admin_queue", label: "Accept the submission; it waits, listed for admins, until a supervisor is assigned" },
] as const;

/** What happens when a trainee without an active supervisor submits a case. */
export function UnassignedPolicyForm({ policy }: { policy: "refuse" | "admin_queue" }) {
  const [value, setValue] = useState(policy);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await setUnassignedPolicyAction({ policy: value });
          setMessage(r.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: r.fieldErrors?.policy?.[0] ?? r.error });
        });
      }}
      className="space-y-3"
    >
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">When a trainee without an active supervisor submits a case</legend>
        {OPTIONS.map((o) => (
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
