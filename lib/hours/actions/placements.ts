"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { assignPlacement, createPlacement, setPlacementEnded, setPlacementSupervisor, updatePlacement } from "@/lib/hours/placements";
import { assignPlacementInput, placementInput, placementSupervisorInput, placementUpdate, traineePlacementRef } from "@/lib/hours/schemas";

const PAGE = "/admin/hours/placements";

export const createPlacementAction = authedAction({ schema: placementInput, permission: "org.manage" }, async (ctx, input) => {
  const row = await createPlacement(ctx, input);
  revalidatePath(PAGE);
  return { id: row.id };
});

export const updatePlacementAction = authedAction({ schema: placementUpdate, permission: "org.manage" }, async (ctx, input) => {
  const row = await updatePlacement(ctx, input);
  revalidatePath(PAGE);
  return { id: row.id, version: row.version };
});

export const assignPlacementAction = authedAction({ schema: assignPlacementInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await assignPlacement(ctx, input);
  revalidatePath(PAGE);
  return r;
});

export const setPlacementSupervisorAction = authedAction({ schema: placementSupervisorInput, permission: "org.manage" }, async (ctx, input) => {
  await setPlacementSupervisor(ctx, input);
  revalidatePath(PAGE);
  return null;
});

export const setPlacementEndedAction = authedAction({ schema: traineePlacementRef, permission: "org.manage" }, async (ctx, input) => {
  await setPlacementEnded(ctx, input);
  revalidatePath(PAGE);
  return null;
});
