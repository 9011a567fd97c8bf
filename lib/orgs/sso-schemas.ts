import { z } from "zod";

// Admin forms for single sign-on (docs/SSO.md). The data layer (lib/orgs/domains.ts,
// lib/orgs/sso-config.ts) checks again; these only give the form its field messages.

export const domainClaimInput = z.object({
  domain: z.string({ error: "Enter a domain like clinic.example.org." }).trim().min(1, { error: "Enter a domain like clinic.example.org." }).max(253),
  localPart: z.string({ error: "Enter the part before the @, like it or admin." }).trim().min(1, { error: "Enter the part before the @, like it or admin." }).max(64),
});

export const oidcSettingsInput = z.object({
  /** Empty: a new provider. */
  providerId: z.union([z.uuid(), z.literal("")]).optional(),
  name: z.string().trim().max(80, { error: "Use at most 80 characters, like Staff (Microsoft Entra ID)." }).optional(),
  issuer: z.string({ error: "Enter the issuer URL." }).trim().min(1, { error: "Enter the issuer URL." }).max(500),
  clientId: z.string({ error: "Enter the client (application) id." }).trim().min(1, { error: "Enter the client (application) id." }).max(200),
  clientSecret: z.string().max(1000).optional(),
  defaultRole: z.enum(["trainee", "supervisor"], { error: "Choose the role for new people." }),
  defaultCohortId: z.union([z.uuid({ error: "Choose one of your cohorts." }), z.literal("")]).optional(),
  passwordSignIn: z.boolean({ error: "Choose whether passwords still work for this provider's domains." }),
  trustIdpMfa: z.boolean().optional(),
  mfaAcrValues: z.string().max(2500, { error: "List at most 10 values." }).optional(),
  domains: z.array(z.string().trim().max(253)).max(50).optional(),
});

export type OidcSettingsForm = z.infer<typeof oidcSettingsInput>;

export const removeOidcProviderInput = z.object({ providerId: z.uuid({ error: "Choose a provider." }) });
