"use client";

import { PolicyChoiceForm } from "@/components/ui/policy-choice-form";
import { setUnassignedPolicyAction } from "@/lib/orgs/actions/unsupervised";

const OPTIONS = [
  { code: "refuse", label: "Keep the case as a draft and tell the trainee to ask an admin for a supervisor (recommended)" },
  { code: "admin_queue", label: "Accept the submission; it waits, listed for admins, until a supervisor is assigned" },
] as const;

/** What happens when a trainee without an active supervisor submits a case. */
export function UnassignedPolicyForm({ policy }: { policy: (typeof OPTIONS)[number]["code"] }) {
  return <PolicyChoiceForm legend="When a trainee without an active supervisor submits a case" options={OPTIONS} policy={policy} save={setUnassignedPolicyAction} />;
}
