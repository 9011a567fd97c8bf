"use client";

import { useState, useTransition } from "react";
import { setTwoFactorPolicyAction } from "@/lib/orgs/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const OPTIONS = [
  { code: "off", label: "Nobody has to (people can still turn it on for themselves)" },
  { code: "staff", label: "Supervisors and admins must (recommended: they see clinical material)" },
  { code: "everyone", label: "Everyone must" },
] as const;

type Policy = (typeof OPTIONS)[number]["code"];

/** Who in the organisation must use two-step sign-in. */
export function TwoFactorPolicyForm({ policy }: { policy: Policy }) {
  const [value, setValue] = useState<Policy>(policy);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await setTwoFactorPolicyAction({ policy: value });
          setMessage(r.ok ? { tone: "success", text: "Saved. It applies from each person's next sign-in." } : { tone: "error", text: r.fieldErrors?.policy?.[0] ?? r.error });
        });
      }}
      className="space-y-3"
    >
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">Who must use two-step sign-in</legend>
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
