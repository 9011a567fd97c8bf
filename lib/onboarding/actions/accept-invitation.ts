"use server";

import { publicAction } from "@/lib/core/action";
import { getSessionUser } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { acceptAsExistingUser, acceptAsNewUser } from "@/lib/onboarding/accept";
import { acceptExistingInput, acceptNewInput } from "@/lib/orgs/admin-schemas";
import { switchOrganisation } from "@/lib/orgs/switch";

/** A new person: account + membership in one transaction; the client then signs in. */
export const acceptNewAction = publicAction(acceptNewInput, async (input) => {
  const r = await acceptAsNewUser(input);
  return { email: r.email };
});

/** A signed-in person whose email the invitation was sent to joins, and the new organisation becomes current. */
export const acceptExistingAction = publicAction(acceptExistingInput, async (input) => {
  const user = await getSessionUser();
  if (!user) throw new NotFoundError("Sign in first, then open the invitation link again.");
  const r = await acceptAsExistingUser(user, input.token);
  await switchOrganisation(r.orgId);
  return null;
});
