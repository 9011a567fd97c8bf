-- Before per-provider domains, an organisation had at most one identity provider and it vouched
-- for every domain the organisation had confirmed: give it those domains, so nothing changes for
-- organisations already using single sign-on.
UPDATE "organisation_domains" AS d
SET "oidc_provider_id" = p."id"
FROM "oidc_providers" AS p
WHERE p."organisation_id" = d."organisation_id"
  AND d."verified_at" IS NOT NULL
  AND d."oidc_provider_id" IS NULL;
