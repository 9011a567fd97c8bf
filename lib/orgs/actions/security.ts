"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { passkeySignInPolicyInput, twoFactorPolicyInput } from "@/lib/auth/schemas";
import { setPasskeySignIn, setTwoFactorPolicy } from "@/lib/orgs/security";
import { requestDomainClaim } from "@/lib/orgs/domains";
import { removeOidcProvider, saveOidcSettings } from "@/lib/orgs/sso-config";
import { domainClaimInput, oidcSettingsInput, removeOidcProviderInput } from "@/lib/orgs/sso-schemas";

export const setTwoFactorPolicyAction = authedAction({ schema: twoFactorPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setTwoFactorPolicy(ctx, input.policy);
  revalidatePath("/admin/security");
  return null;
});

export const setPasskeySignInAction = authedAction({ schema: passkeySignInPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setPasskeySignIn(ctx, input.allowed);
  revalidatePath("/admin/security");
  return null;
});

export const requestDomainClaimAction = authedAction({ schema: domainClaimInput, permission: "org.manage" }, async (ctx, input) => {
  await requestDomainClaim(ctx, input);
  revalidatePath("/admin/security");
  return null;
});

export const saveOidcSettingsAction = authedAction({ schema: oidcSettingsInput, permission: "org.manage" }, async (ctx, input) => {
  const saved = await saveOidcSettings(ctx, { ...input, providerId: input.providerId || null, defaultCohortId: input.defaultCohortId || null });
  revalidatePath("/admin/security");
  return saved;
});

export const removeOidcProviderAction = authedAction({ schema: removeOidcProviderInput, permission: "org.manage" }, async (ctx, input) => {
  await removeOidcProvider(ctx, input.providerId);
  revalidatePath("/admin/security");
  return null;
});
