import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { getDb } from "@/db/client";
import { organisationLogos } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ValidationError } from "@/lib/core/errors";
import { LOGO_MESSAGES, sniffLogo, type LogoType } from "./logo-image";
import { LOGO_MAX_BYTES } from "./settings-schemas";

// The organisation's logo: checked by its bytes, then decoded once (the certificate PDF embeds it,
// so a file that only looks like an image is refused here rather than breaking every certificate).

export type StoredLogo = { bytes: Uint8Array; contentType: LogoType; sha256: string };

/** Validates and stores the caller's organisation's logo (replacing any other); audited. */
export async function saveLogo(ctx: Ctx, file: Blob): Promise<{ version: string }> {
  assertCan(ctx, "org.manage");
  // The size is known before the bytes are read: an oversized upload is refused without buffering it twice.
  if (file.size > LOGO_MAX_BYTES) throw new ValidationError(LOGO_MESSAGES.tooLarge(file.size), { file: [LOGO_MESSAGES.tooLarge(file.size)] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffLogo(bytes);
  if (!sniffed.ok) throw new ValidationError(sniffed.error, { file: [sniffed.error] });
  try {
    const probe = await PDFDocument.create();
    if (sniffed.type === "image/png") await probe.embedPng(bytes);
    else await probe.embedJpg(bytes);
  } catch {
    throw new ValidationError(LOGO_MESSAGES.corrupt, { file: [LOGO_MESSAGES.corrupt] });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const b64 = Buffer.from(bytes).toString("base64");
  const db = await getDb();
  await db.transaction(async (tx) => {
    // decode() in SQL: the bytes travel as text, so both drivers (postgres.js, PGlite) store them alike.
    await tx.execute(sql`
      insert into organisation_logos (organisation_id, content_type, content, byte_size, width, height, sha256, updated_at)
      values (${ctx.orgId}, ${sniffed.type}, decode(${b64}, 'base64'), ${bytes.length}, ${sniffed.width}, ${sniffed.height}, ${sha256}, now())
      on conflict (organisation_id) do update set content_type = excluded.content_type, content = excluded.content, byte_size = excluded.byte_size,
        width = excluded.width, height = excluded.height, sha256 = excluded.sha256, updated_at = excluded.updated_at`);
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "org.logo_changed",
      targetType: "organisation",
      targetId: ctx.orgId,
      detail: { type: sniffed.type, bytes: bytes.length, width: sniffed.width, height: sniffed.height, sha256 },
    });
  });
  return { version: sha256.slice(0, 16) };
}

export async function removeLogo(ctx: Ctx): Promise<{ removed: boolean }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const gone = await tx.delete(organisationLogos).where(eq(organisationLogos.organisationId, ctx.orgId)).returning({ sha: organisationLogos.sha256 });
    if (gone.length > 0) await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.logo_removed", targetType: "organisation", targetId: ctx.orgId, detail: { sha256: gone[0].sha } });
    return { removed: gone.length > 0 };
  });
}

/** Internal: the logo of an organisation the caller has already been authorised for (or null). */
export async function logoOf(orgId: string): Promise<StoredLogo | null> {
  const db = await getDb();
  const rows = rowsOf<{ content_type: LogoType; b64: string; sha256: string }>(
    await db.execute(sql`select content_type, encode(content, 'base64') as b64, sha256 from organisation_logos where organisation_id = ${orgId}`),
  );
  const row = rows[0];
  if (!row) return null;
  return { bytes: new Uint8Array(Buffer.from(row.b64.replace(/\s+/g, ""), "base64")), contentType: row.content_type, sha256: row.sha256 };
}

/** The caller's own organisation's logo, for the shell (any member). */
export async function getMyLogo(ctx: Ctx): Promise<StoredLogo | null> {
  return logoOf(ctx.orgId);
}
