"use client";

import { useState, useTransition } from "react";
import { requestDomainClaimAction, saveOidcSettingsAction } from "@/lib/orgs/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextField } from "@/components/ui/field";

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

type Settings = { issuer: string; clientId: string; hasSecret: boolean; defaultRole: "trainee" | "supervisor" | "org_admin"; defaultCohortId: string | null; passwordSignIn: boolean } | null;

/** The organisation's OpenID Connect identity provider. The client secret is write-only. */
export function OidcSettingsForm({ settings, cohorts, callbackUrl }: { settings: Settings; cohorts: { id: string; name: string }[]; callbackUrl: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [errors, setErrors] = useState<Errors>(undefined);
  const [hasSecret, setHasSecret] = useState(Boolean(settings?.hasSecret));
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const fd = new FormData(form);
        const secret = String(fd.get("clientSecret") ?? "");
        start(async () => {
          const r = await saveOidcSettingsAction({
            issuer: String(fd.get("issuer") ?? ""),
            clientId: String(fd.get("clientId") ?? ""),
            clientSecret: secret || undefined,
            defaultRole: String(fd.get("defaultRole") ?? ""),
            defaultCohortId: String(fd.get("defaultCohortId") ?? ""),
            passwordSignIn: fd.get("passwordSignIn") === "on",
          });
          setErrors(r.ok ? undefined : r.fieldErrors);
          setMessage(r.ok ? { tone: "success", text: "Saved single sign-on settings." } : { tone: "error", text: r.error });
          if (r.ok && secret) {
            setHasSecret(true);
            (form.elements.namedItem("clientSecret") as HTMLInputElement).value = "";
          }
        });
      }}
    >
      <TextField
        label="Issuer URL"
        name="issuer"
        type="url"
        defaultValue={settings?.issuer ?? ""}
        hint="Microsoft Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0. Google Workspace: https://accounts.google.com."
        error={errors?.issuer?.[0]}
        autoComplete="off"
      />
      <TextField label="Client ID" name="clientId" defaultValue={settings?.clientId ?? ""} error={errors?.clientId?.[0]} autoComplete="off" />
      <TextField
        label="Client secret"
        name="clientSecret"
        type="password"
        hint={hasSecret ? "A secret is saved. It is never shown again; leave this empty to keep it." : "Stored encrypted, and never shown again."}
        error={errors?.clientSecret?.[0]}
        autoComplete="new-password"
      />
      <p className="text-sm text-stone-700">
        Redirect URI to register with your identity provider: <code className="break-all">{callbackUrl}</code>
      </p>
      <div>
        <label htmlFor="sso-default-role" className="block text-sm font-medium text-stone-800">
          Role for people who sign in for the first time
        </label>
        <select id="sso-default-role" name="defaultRole" defaultValue={settings?.defaultRole === "supervisor" ? "supervisor" : "trainee"} className="mt-1 block rounded-md border border-stone-400 bg-white px-3 py-2">
          <option value="trainee">Trainee</option>
          <option value="supervisor">Supervisor</option>
        </select>
        <FieldMessage id="sso-default-role" error={errors?.defaultRole?.[0]} />
      </div>
      <div>
        <label htmlFor="sso-default-cohort" className="block text-sm font-medium text-stone-800">
          Cohort for people who sign in for the first time
        </label>
        <select
          id="sso-default-cohort"
          name="defaultCohortId"
          defaultValue={settings?.defaultCohortId ?? ""}
          aria-invalid={errors?.defaultCohortId ? true : undefined}
          aria-describedby={errors?.defaultCohortId ? "sso-default-cohort-error" : undefined}
          className="mt-1 block rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          <option value="">No cohort</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldMessage id="sso-default-cohort" error={errors?.defaultCohortId?.[0]} />
      </div>
      <Checkbox label="People at our verified domains may still sign in with a password" name="passwordSignIn" defaultChecked={settings?.passwordSignIn ?? true} />
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save single sign-on settings"}
      </Button>
    </form>
  );
}
