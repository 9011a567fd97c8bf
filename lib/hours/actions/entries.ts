"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import type { CategoryCode } from "@/lib/hours/categories";
import { correctEntry, createEntry, deleteEntry, saveWeek, submitEntries, updateEntry } from "@/lib/hours/entries";
import { correctionInput, entryInput, entryRef, entryUpdate, gridInput, submitInput } from "@/lib/hours/schemas";

const values = (i: { traineePlacementId: string; occurredOn: string; duration: number; category: CategoryCode; note: string }) => ({
  traineePlacementId: i.traineePlacementId,
  occurredOn: i.occurredOn,
  minutes: i.duration,
  category: i.category,
  note: i.note,
});

export const createEntryAction = authedAction({ schema: entryInput, permission: "hours.log" }, async (ctx, input) => {
  const r = await createEntry(ctx, values(input));
  revalidatePath("/hours");
  return r;
});

export const updateEntryAction = authedAction({ schema: entryUpdate, permission: "hours.log" }, async (ctx, input) => {
  const r = await updateEntry(ctx, { id: input.id, version: input.version, ...values(input) });
  revalidatePath("/hours");
  return r;
});

export const deleteEntryAction = authedAction({ schema: entryRef, permission: "hours.log" }, async (ctx, input) => {
  await deleteEntry(ctx, input);
  revalidatePath("/hours");
  return null;
});

export const submitEntriesAction = authedAction({ schema: submitInput, permission: "hours.log" }, async (ctx, input) => {
  const r = await submitEntries(ctx, input);
  revalidatePath("/hours");
  return r;
});

export const saveWeekAction = authedAction({ schema: gridInput, permission: "hours.log" }, async (ctx, input) => {
  const r = await saveWeek(ctx, input);
  revalidatePath("/hours");
  return r;
});

export const correctEntryAction = authedAction({ schema: correctionInput, permission: "hours.log" }, async (ctx, input) => {
  const r = await correctEntry(ctx, { correctsId: input.correctsId, ...values(input) });
  revalidatePath("/hours");
  return r;
});
