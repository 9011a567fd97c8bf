"use client";

import { useState, useTransition } from "react";
import { requestDomainClaimAction } from "@/lib/orgs/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

type Message = { tone: "success" | "error"; text: string } | null;
type Errors = Partial<Record<string, string[]>> | undefined;

/** Claim an email domain: a single-use link goes to an address at it. */
export function DomainClaimForm() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [errors, setErrors] = useState<Errors>(undefined);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const fd = new FormData(form);
        start(async () => {
          const r = await requestDomainClaimAction({ domain: String(fd.get("domain") ?? ""), localPart: String(fd.get("localPart") ?? "") });
          setErrors(r.ok ? undefined : r.fieldErrors);
          setMessage(r.ok ? { tone: "success", text: "We've sent a confirmation link. It works once, for 24 hours." } : { tone: "error", text: r.error });
          if (r.ok) form.reset();
        });
      }}
    >
      <TextField label="Domain" name="domain" hint="For example clinic.example.org" error={errors?.domain?.[0]} autoComplete="off" />
      <TextField label="Send the link to (the part before the @)" name="localPart" hint="Someone at this address confirms the claim, for example it or admin." error={errors?.localPart?.[0]} autoComplete="off" />
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}

/** Sends a pending claim's link again (a new link; the old one stops working). */
export function ResendDomainLink({ domain, localPart }: { domain: string; localPart: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await requestDomainClaimAction({ domain, localPart });
            setMessage(r.ok ? { tone: "success", text: `Sent a new link to ${localPart}@${domain}.` } : { tone: "error", text: r.error });
          })
        }
      >
        {pending ? "Sending…" : <>Resend link<span className="sr-only"> for {domain}</span></>}
      </Button>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
    </div>
  );
}
