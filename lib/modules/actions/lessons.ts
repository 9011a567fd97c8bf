"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { completeLesson } from "@/lib/modules/progress";

const input = z.object({
  moduleSlug: z.string().regex(/^[a-z0-9-]{1,80}$/),
  lessonSlug: z.string().regex(/^[a-z0-9-]{1,80}$/),
  next: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
});

const complete = authedAction({ schema: input, permission: "modules.study" }, async (ctx, data) => {
  await completeLesson(ctx, data.moduleSlug, data.lessonSlug);
  revalidatePath(`/modules/${data.moduleSlug}`);
  return data;
});

/** A plain form post: works before (and without) any client JavaScript. */
export async function completeLessonAction(formData: FormData): Promise<void> {
  const result = await complete(formData);
  if (!result.ok) redirect(`/modules?notice=lesson-not-saved`);
  const { moduleSlug, next } = result.data;
  redirect(next ? `/modules/${moduleSlug}/lessons/${next}` : `/modules/${moduleSlug}`);
}
