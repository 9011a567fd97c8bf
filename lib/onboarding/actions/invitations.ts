"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { ValidationError } from "@/lib/core/errors";
import { readInviteCsv, readPastedEmails, type InviteRowInput } from "@/lib/onboarding/csv";
import { importInviteRows, previewInviteRows } from "@/lib/onboarding/import";
import { inviteOne, resendInvitation, resendInvitations, revokeInvitation } from "@/lib/onboarding/invitations";
import { summarise } from "@/lib/onboarding/invite-rows";
import { bulkResendInput, invitationRef, inviteInput, pasteInvitesInput } from "@/lib/orgs/admin-schemas";

export const inviteAction = authedAction({ schema: inviteInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await inviteOne(ctx, { ...input, name: input.name ?? "" });
  revalidatePath("/admin/invitations");
  return r;
});

export const revokeInvitationAction = authedAction({ schema: invitationRef, permission: "org.manage" }, async (ctx, input) => {
  await revokeInvitation(ctx, input);
  revalidatePath("/admin/invitations");
  return null;
});

export const resendInvitationsAction = authedAction({ schema: bulkResendInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await resendInvitations(ctx, input);
  revalidatePath("/admin/invitations");
  return r;
});

export const resendInvitationAction = authedAction({ schema: invitationRef, permission: "org.manage" }, async (ctx, input) => {
  const r = await resendInvitation(ctx, input);
  revalidatePath("/admin/invitations");
  return r;
});

const csvUpload = z.object({
  file: z.custom<Blob>((v) => v instanceof Blob && v.size > 0, { error: "Choose a CSV file to upload." }),
});

async function rowsFromCsv(file: Blob): Promise<InviteRowInput[]> {
  const r = readInviteCsv(new Uint8Array(await file.arrayBuffer()));
  if (!r.ok) throw new ValidationError(r.error, { file: [r.error] });
  return r.rows;
}

function rowsFromPaste(input: z.infer<typeof pasteInvitesInput>): InviteRowInput[] {
  const r = readPastedEmails(input.text, { role: input.role, supervisorEmail: input.supervisorEmail ?? "", cohort: input.cohort ?? "" });
  if (!r.ok) throw new ValidationError(r.error, { text: [r.error] });
  return r.rows;
}

export const previewCsvAction = authedAction({ schema: csvUpload, permission: "org.manage" }, async (ctx, input) => {
  const rows = await previewInviteRows(ctx, await rowsFromCsv(input.file));
  return { rows, summary: summarise(rows) };
});

export const importCsvAction = authedAction({ schema: csvUpload, permission: "org.manage" }, async (ctx, input) => {
  const results = await importInviteRows(ctx, await rowsFromCsv(input.file), "csv");
  revalidatePath("/admin/invitations");
  return { results };
});

export const previewPasteAction = authedAction({ schema: pasteInvitesInput, permission: "org.manage" }, async (ctx, input) => {
  const rows = await previewInviteRows(ctx, rowsFromPaste(input));
  return { rows, summary: summarise(rows) };
});

export const importPasteAction = authedAction({ schema: pasteInvitesInput, permission: "org.manage" }, async (ctx, input) => {
  const results = await importInviteRows(ctx, rowsFromPaste(input), "paste");
  revalidatePath("/admin/invitations");
  return { results };
});
