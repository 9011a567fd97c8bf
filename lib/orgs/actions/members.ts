"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { clearSignInDelay } from "@/lib/orgs/sign-in-delay";
import { resetMemberFactors } from "@/lib/auth/two-factor/manage";
import { changeRoleInput, memberCohortInput, supervisionInput } from "@/lib/orgs/admin-schemas";
import { setCohortMembership } from "@/lib/orgs/cohorts";
import { changeRole, setMemberStatus } from "@/lib/orgs/members";
import { memberStatusInput } from "@/lib/orgs/schemas";
import { setSupervision } from "@/lib/orgs/supervision";

export const setMemberStatusAction = authedAction({ schema: memberStatusInput, permission: "org.manage" }, async (ctx, input) => {
  const row = await setMemberStatus(ctx, input);
  revalidatePath("/admin/members");
  return { status: row.status, version: row.version };
});

export const changeRoleAction = authedAction({ schema: changeRoleInput, permission: "org.manage" }, async (ctx, input) => {
  const row = await changeRole(ctx, input);
  revalidatePath("/admin/members");
  return { role: row.role, version: row.version };
});

export const setCohortMembershipAction = authedAction({ schema: memberCohortInput, permission: "org.manage" }, async (ctx, input) => {
  await setCohortMembership(ctx, input);
  revalidatePath(`/admin/members/${input.membershipId}`);
  return null;
});

export const setSupervisionAction = authedAction({ schema: supervisionInput, permission: "org.manage" }, async (ctx, input) => {
  await setSupervision(ctx, input);
  revalidatePath("/admin/members");
  return null;
});

export const unlockSignInAction = authedAction({ schema: z.object({ membershipId: z.uuid({ error: "Choose a member." }) }), permission: "org.manage" }, async (ctx, input) => {
  const lifted = await clearSignInDelay(ctx, input.membershipId);
  revalidatePath(`/admin/members/${input.membershipId}`);
  return { lifted };
});

/** Removes a member's second factors (a lost phone) and ends their sessions; audited and emailed to them. */
export const resetMemberFactorsAction = authedAction({ schema: z.object({ membershipId: z.uuid({ error: "Choose a member." }) }), permission: "org.manage" }, async (ctx, input) => {
  await resetMemberFactors(ctx, input.membershipId);
  revalidatePath(`/admin/members/${input.membershipId}`);
  return null;
});
