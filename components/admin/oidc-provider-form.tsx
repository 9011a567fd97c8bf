"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { saveOidcSettingsAction } from "@/lib/orgs/actions/security";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, fieldIds, TextField } from "@/components/ui/field";

type Message = { tone: "success" | "error"; text: string } | null;
type Errors = Partial<Record<string, string[]>> | undefined;

export type ProviderSettings = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  defaultRole: "trainee" | "supervisor" | "org_admin";
  defaultCohortId: string | null;
  passwordSignIn: boolean;
  trustIdpMfa: boolean;
  mfaAcrValues: string[];
  domains: string[];
};

/** A confirmed domain of the organisation, and which provider (if any) vouches for it now. */
export type DomainChoice = { domain: string; providerId: string | null; providerName: string | null };

const selectClass = "mt-1 block rounded-md border border-stone-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

/**
 * One OpenID Connect identity provider: a saved one (provider given) or a new one. The client
 * secret is write-only. Each confirmed domain goes to one provider; the server says so next to
 * the domains if one is ticked that another provider already has.
 */
export function OidcProviderForm({ provider, domains, cohorts, callbackUrl }: { provider: ProviderSettings | null; domains: DomainChoice[]; cohorts: { id: string; name: string }[]; callbackUrl: string }) {
  const router = useRouter();
  const ids = useId();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [errors, setErrors] = useState<Errors>(undefined);
  const [hasSecret, setHasSecret] = useState(Boolean(provider?.hasSecret));
  const label = provider ? provider.name : "the new provider";
  const err = (field: string) => errors?.[field]?.[0];
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
            providerId: provider?.id ?? "",
            name: String(fd.get("name") ?? ""),
            issuer: String(fd.get("issuer") ?? ""),
            clientId: String(fd.get("clientId") ?? ""),
            clientSecret: secret || undefined,
            defaultRole: String(fd.get("defaultRole") ?? ""),
            defaultCohortId: String(fd.get("defaultCohortId") ?? ""),
            passwordSignIn: fd.get("passwordSignIn") === "on",
            trustIdpMfa: fd.get("trustIdpMfa") === "on",
            mfaAcrValues: String(fd.get("mfaAcrValues") ?? ""),
            domains: fd.getAll("domains").map(String),
          });
          setErrors(r.ok ? undefined : r.fieldErrors);
          setMessage(r.ok ? { tone: "success", text: provider ? "Saved single sign-on settings." : "Added the identity provider." } : { tone: "error", text: r.error });
          if (!r.ok) return;
          if (provider) {
            if (secret) setHasSecret(true);
            (form.elements.namedItem("clientSecret") as HTMLInputElement).value = "";
          } else {
            form.reset();
          }
          router.refresh();
        });
      }}
    >
      <TextField
        label="Name"
        name="name"
        defaultValue={provider?.name ?? ""}
        hint="For you and other admins, like Staff (Microsoft Entra ID) or Students (Google Workspace)."
        error={err("name")}
        autoComplete="off"
      />
      <TextField
        label="Issuer URL"
        name="issuer"
        type="url"
        defaultValue={provider?.issuer ?? ""}
        hint="Microsoft Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0. Google Workspace: https://accounts.google.com."
        error={err("issuer")}
        autoComplete="off"
      />
      <TextField label="Client ID" name="clientId" defaultValue={provider?.clientId ?? ""} error={err("clientId")} autoComplete="off" />
      <TextField
        label="Client secret"
        name="clientSecret"
        type="password"
        hint={hasSecret ? "A secret is saved. It is never shown again; leave this empty to keep it." : "Stored encrypted, and never shown again."}
        error={err("clientSecret")}
        autoComplete="new-password"
      />
      <p className="text-sm text-stone-700">
        Redirect URI to register with your identity provider: <code className="break-all">{callbackUrl}</code>
      </p>
      <fieldset aria-describedby={fieldIds(`${ids}-domains`, true, err("domains"))}>
        <legend className="text-sm font-medium text-stone-800">Email domains it signs people in for</legend>
        <p id={`${ids}-domains-hint`} className="mt-0.5 text-sm text-stone-600">
          People whose email is at a ticked domain are sent to this provider, and it can vouch only for them. Each domain goes to one provider; until you tick one,
          nobody is sent here.
        </p>
        {domains.length ? (
          <div className="mt-2 space-y-2">
            {domains.map((d) => (
              <Checkbox
                key={d.domain}
                name="domains"
                value={d.domain}
                defaultChecked={provider ? d.providerId === provider.id : false}
                aria-invalid={err("domains") ? true : undefined}
                label={
                  <>
                    {d.domain}
                    {d.providerId && d.providerId !== provider?.id ? <span className="text-stone-600"> (now with {d.providerName})</span> : null}
                  </>
                }
              />
            ))}
          </div>
        ) : (
          <p className="mt-2 text-sm text-stone-700">No confirmed domains yet: confirm one under Email domains above.</p>
        )}
        <FieldMessage id={`${ids}-domains`} error={err("domains")} />
      </fieldset>
      <div>
        <label htmlFor={`${ids}-role`} className="block text-sm font-medium text-stone-800">
          Role for people who sign in for the first time
        </label>
        <select id={`${ids}-role`} name="defaultRole" defaultValue={provider?.defaultRole === "supervisor" ? "supervisor" : "trainee"} className={selectClass}>
          <option value="trainee">Trainee</option>
          <option value="supervisor">Supervisor</option>
        </select>
        <FieldMessage id={`${ids}-role`} error={err("defaultRole")} />
      </div>
      <div>
        <label htmlFor={`${ids}-cohort`} className="block text-sm font-medium text-stone-800">
          Cohort for people who sign in for the first time
        </label>
        <select
          id={`${ids}-cohort`}
          name="defaultCohortId"
          defaultValue={provider?.defaultCohortId ?? ""}
          aria-invalid={err("defaultCohortId") ? true : undefined}
          aria-describedby={err("defaultCohortId") ? `${ids}-cohort-error` : undefined}
          className={selectClass}
        >
          <option value="">No cohort</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldMessage id={`${ids}-cohort`} error={err("defaultCohortId")} />
      </div>
      <Checkbox label="People at these domains may still sign in with a password" name="passwordSignIn" defaultChecked={provider?.passwordSignIn ?? true} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">Two-step sign-in</legend>
        <p className="text-sm text-stone-700">
          Where your organisation requires two-step sign-in, Rapport looks for the provider&apos;s own record of it in the sign-in (the <code>amr</code> claim, such
          as Entra ID&apos;s &quot;mfa&quot;, or an <code>acr</code> value you list below). Without one, people use their Rapport second step if they have one, or are
          refused with a message to ask their IT team.
        </p>
        <Checkbox label="Trust the identity provider's two-step sign-in (MFA)" name="trustIdpMfa" defaultChecked={provider?.trustIdpMfa ?? true} error={err("trustIdpMfa")} />
        <TextField
          label="acr values that count as two-step sign-in (optional)"
          name="mfaAcrValues"
          defaultValue={provider?.mfaAcrValues.join(" ") ?? ""}
          hint="Separated by spaces, like phrh or http://schemas.openid.net/pape/policies/2007/06/multi-factor. Leave empty if your provider sends amr."
          error={err("mfaAcrValues")}
          autoComplete="off"
        />
      </fieldset>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : provider ? "Save single sign-on settings" : "Add identity provider"}
        {provider ? <span className="sr-only"> for {label}</span> : null}
      </Button>
    </form>
  );
}
