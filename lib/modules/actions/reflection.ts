"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { saveReflection, setReflectionShared } from "@/lib/modules/reflections";

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, { error: "Unknown module." });

export const saveReflectionAction = authedAction(
  { schema: z.object({ moduleSlug: slug, content: z.record(z.string(), z.unknown()), version: z.number().int().min(0) }), permission: "reflections.write" },
  async (ctx, input) => {
    const saved = await saveReflection(ctx, input);
    if (saved.certificateSerial) revalidatePath(`/modules/${input.moduleSlug}`);
    return { version: saved.version, savedAt: saved.updatedAt.toISOString(), certificateSerial: saved.certificateSerial };
  },
);

export const shareReflectionAction = authedAction(
  { schema: z.object({ moduleSlug: slug, shared: z.boolean() }), permission: "reflections.write" },
  async (ctx, input) => {
    const row = await setReflectionShared(ctx, input);
    revalidatePath(`/modules/${input.moduleSlug}`);
    return { sharedAt: row.sharedAt?.toISOString() ?? null };
  },
);
