"use server";

import { authedAction } from "@/lib/actions";
import { changePassword } from "@/lib/auth/account";
import { changePasswordInput } from "@/lib/orgs/schemas";

export const changePasswordAction = authedAction({ schema: changePasswordInput }, async (ctx, input) => {
  await changePassword(ctx, input);
  return null;
});
