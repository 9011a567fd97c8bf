"use server";

import { publicAction } from "@/lib/core/action";
import { requestAddress } from "@/lib/auth/client-address";
import { signUpInput } from "@/lib/orgs/schemas";
import { signUp } from "@/lib/orgs/sign-up";

export const signUpAction = publicAction(signUpInput, async (input) => {
  await signUp(input, { address: await requestAddress() });
  return null;
});
