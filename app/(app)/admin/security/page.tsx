import type { Metadata } from "next";
import { TwoFactorPolicyForm } from "@/components/admin/two-factor-policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSignInSettings } from "@/lib/orgs/security";
import { PasskeySignInForm } from "@/components/admin/passkey-sign-in-form";
import { authedPage } from "@/lib/core/page";
import { DomainClaimForm, ResendDomainLink } from "@/components/admin/sso-forms";
import { OidcProviderForm } from "@/components/admin/oidc-provider-form";
import { ActionButton } from "@/components/admin/action-button";
import { removeOidcProviderAction } from "@/lib/orgs/actions/security";
import { listDomains } from "@/lib/orgs/domains";
import { listOidcProviders } from "@/lib/orgs/sso-config";
import { listCohorts } from "@/lib/orgs/cohorts";
import { appBaseUrl } from "@/lib/email/base-url";
import { SSO_CALLBACK_PATH } from "@/lib/sso/paths";

export const metadata: Metadata = { title: "Sign-in security" };

export default authedPage({ permission: "org.manage" }, async function AdminSecurityPage(ctx) {
  const [settings, domains, providers, cohorts] = await Promise.all([getSignInSettings(ctx), listDomains(ctx), listOidcProviders(ctx), listCohorts(ctx)]);
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  const domainChoices = domains.filter((d) => d.verifiedAt).map((d) => ({ domain: d.domain, providerId: d.oidcProviderId, providerName: d.oidcProviderId ? (providerName.get(d.oidcProviderId) ?? null) : null }));
  const activeCohorts = cohorts.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name }));
  const callbackUrl = `${appBaseUrl()}${SSO_CALLBACK_PATH}`;
  return (
    <>
      <PageHeader title="Sign-in security" description={`How people sign in to ${ctx.orgName}.`} />
      <section aria-labelledby="two-step" className="max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="two-step" className="text-lg font-semibold">
          Two-step sign-in
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          After their password, people confirm it&apos;s them with an authenticator app or a passkey. Someone who must use it and hasn&apos;t set it up is taken to set it up at
          their next sign-in, and can do nothing else until they have. If someone loses their phone, reset their two-step sign-in from their member page.
        </p>
        <TwoFactorPolicyForm policy={settings.twoFactorPolicy} />
      </section>
      <section aria-labelledby="passkeys" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="passkeys" className="text-lg font-semibold">
          Passkeys
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          Anyone can use a passkey for the second step. Signing in with a passkey alone needs the device&apos;s fingerprint, face or PIN as well, so it is as strong
          as a password and a second step. It applies to someone only when every organisation they belong to allows it.
        </p>
        <PasskeySignInForm allowed={settings.passkeySignIn} />
      </section>
      <section aria-labelledby="domains" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="domains" className="text-lg font-semibold">
          Email domains
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          Single sign-on covers the email domains your organisation has shown it controls. We send a link that works once to an address at the domain; whoever opens it
          confirms the claim. Public email services (like gmail.com) can&apos;t be claimed, nor a domain another organisation has confirmed.
        </p>
        {domains.length ? (
          <ul className="mb-4 divide-y divide-stone-200 rounded-md border border-stone-200">
            {domains.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <span className="font-medium">{d.domain}</span>{" "}
                  <span className="text-sm text-stone-700">
                    {d.verifiedAt
                      ? `Confirmed · ${d.oidcProviderId ? `signs in through ${providerName.get(d.oidcProviderId) ?? "an identity provider"}` : "not used for single sign-on"}`
                      : `Waiting for confirmation${d.verifyEmail ? ` (link sent to ${d.verifyEmail})` : ""}`}
                  </span>
                </span>
                {!d.verifiedAt && d.verifyEmail ? <ResendDomainLink domain={d.domain} localPart={d.verifyEmail.slice(0, d.verifyEmail.lastIndexOf("@"))} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-stone-700">No domains yet.</p>
        )}
        <DomainClaimForm />
      </section>
      <section aria-labelledby="sso" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="sso" className="text-lg font-semibold">
          Single sign-on (OpenID Connect)
        </h2>
        <p className="mt-1 mb-4 text-sm text-stone-700">
          People whose email is at a confirmed domain you give to an identity provider (Microsoft Entra ID, Google Workspace or another OpenID Connect provider) sign
          in there. You can have more than one, for example staff on Entra ID and students on Google Workspace; each domain goes to one. Someone signing in for the
          first time gets an account with that provider&apos;s role and cohort; someone who already has an account with that email keeps it.
        </p>
        {providers.map((p) => (
          <section key={p.id} aria-labelledby={`provider-${p.id}`} className="mb-6 rounded-md border border-stone-200 p-4">
            <h3 id={`provider-${p.id}`} className="mb-3 font-semibold">
              {p.name}
            </h3>
            <OidcProviderForm provider={p} domains={domainChoices} cohorts={activeCohorts} callbackUrl={callbackUrl} />
            <div className="mt-4 border-t border-stone-200 pt-4">
              <p className="mb-2 text-sm text-stone-700">Removing it stops single sign-on for its domains; people there sign in with a password again.</p>
              <ActionButton action={removeOidcProviderAction} payload={{ providerId: p.id }} label={`Remove ${p.name}`} success="Identity provider removed." variant="danger" />
            </div>
          </section>
        ))}
        <section aria-labelledby="provider-new" className="rounded-md border border-stone-200 p-4">
          <h3 id="provider-new" className="mb-3 font-semibold">
            {providers.length ? "Add another identity provider" : "Add an identity provider"}
          </h3>
          <OidcProviderForm provider={null} domains={domainChoices} cohorts={activeCohorts} callbackUrl={callbackUrl} />
        </section>
      </section>
    </>
  );
});
