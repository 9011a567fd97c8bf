import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oidcProviders } from "@/db/schema";

/** One identity provider's settings for the server's own use (never shown to anyone). */
export async function getProviderRow(organisationId: string, providerId: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(oidcProviders)
    .where(and(eq(oidcProviders.organisationId, organisationId), eq(oidcProviders.id, providerId)));
  return row ?? null;
}
