"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { adoptStandard, copySet, createOwnSet, deleteSet, updateSet } from "@/lib/hours/requirement-sets";
import { adoptStandardInput, requirementSetInput, setRef } from "@/lib/hours/schemas";
import { z } from "zod";

const PAGE = "/admin/hours/requirements";

export const adoptStandardSetAction = authedAction({ schema: adoptStandardInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await adoptStandard(ctx, input.key);
  revalidatePath(PAGE);
  return r;
});

export const createOwnSetAction = authedAction({ schema: z.object({}), permission: "org.manage" }, async (ctx) => {
  const r = await createOwnSet(ctx);
  revalidatePath(PAGE);
  return r;
});

export const copySetAction = authedAction({ schema: setRef, permission: "org.manage" }, async (ctx, input) => {
  const r = await copySet(ctx, input.id);
  revalidatePath(PAGE);
  return r;
});

export const updateSetAction = authedAction({ schema: requirementSetInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await updateSet(ctx, input);
  revalidatePath(PAGE);
  return r;
});

export const deleteSetAction = authedAction({ schema: setRef, permission: "org.manage" }, async (ctx, input) => {
  await deleteSet(ctx, input.id);
  revalidatePath(PAGE);
  return null;
});
