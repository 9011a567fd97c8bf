import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oidcProviders } from "@/db/schema";

/** The organisation's provider settings for the server's own use (never shown to anyone). */
export async function getProviderRow(organisationId: string) {
  const db = await getDb();
  const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, organisationId));
  return row ?? null;
}
