"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { markReadInput } from "@/lib/notifications/schemas";

// The shell's unread badge is on every page: refresh them all.

export const markReadAction = authedAction({ schema: markReadInput }, async (ctx, input) => {
  await markRead(ctx, input.id);
  revalidatePath("/", "layout");
  return null;
});

export const markAllReadAction = authedAction({ schema: z.object({}) }, async (ctx) => {
  const r = await markAllRead(ctx);
  revalidatePath("/", "layout");
  return r;
});
