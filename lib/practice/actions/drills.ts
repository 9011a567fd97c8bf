"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { attachClip, removeClip } from "@/lib/practice/clips";
import { createDrill, saveDrill, setDrillArchived } from "@/lib/practice/drills";
import { archiveDrillInput, clipUploadInput, createDrillInput, removeClipInput, saveDrillInput } from "@/lib/practice/schemas";

export const createDrillAction = authedAction({ schema: createDrillInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await createDrill(ctx, input);
  revalidatePath("/practice/manage");
  return r;
});

export const saveDrillAction = authedAction({ schema: saveDrillInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await saveDrill(ctx, input);
  revalidatePath("/practice/manage");
  revalidatePath(`/practice/manage/${input.drillId}`);
  return r;
});

export const archiveDrillAction = authedAction({ schema: archiveDrillInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await setDrillArchived(ctx, input);
  revalidatePath("/practice/manage");
  return r;
});

export const uploadClipAction = authedAction({ schema: clipUploadInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await attachClip(ctx, input);
  revalidatePath(`/practice/manage/${input.drillId}`);
  return r;
});

export const removeClipAction = authedAction({ schema: removeClipInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await removeClip(ctx, input);
  revalidatePath(`/practice/manage/${input.drillId}`);
  return r;
});
