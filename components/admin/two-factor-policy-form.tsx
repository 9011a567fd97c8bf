"use client";

import { PolicyChoiceForm } from "@/components/ui/policy-choice-form";
import { setTwoFactorPolicyAction } from "@/lib/orgs/actions/security";

const OPTIONS = [
  { code: "off", label: "Nobody has to (people can still turn it on for themselves)" },
  { code: "staff", label: "Supervisors and admins must (recommended: they see clinical material)" },
  { code: "everyone", label: "Everyone must" },
] as const;

/** Who in the organisation must use two-step sign-in. */
export function TwoFactorPolicyForm({ policy }: { policy: (typeof OPTIONS)[number]["code"] }) {
  return (
    <PolicyChoiceForm
      legend="Who must use two-step sign-in"
      options={OPTIONS}
      policy={policy}
      save={setTwoFactorPolicyAction}
      saved="Saved. It applies from each person's next sign-in."
    />
  );
}
