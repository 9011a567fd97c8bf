import { Alert } from "@/components/ui/alert";
import type { Ctx } from "@/lib/core/context";
import { getMySupervision } from "@/lib/cases/supervisors";

/** Told before writing: whether anyone can review this trainee's cases, and what happens if not. */
export async function SupervisionNotice({ ctx }: { ctx: Ctx }) {
  const { supervisors, policy } = await getMySupervision(ctx);
  if (supervisors.length > 0) return null;
  return (
    <div className="mb-4">
      <Alert tone="warning" title="You have no active supervisor yet">
        {policy === "refuse"
          ? "You can write and save drafts, but you can't submit a case until someone can review it. Ask your organisation's admin to assign you a supervisor."
          : "You can write and submit cases. Until a supervisor is assigned, a submitted case waits with your organisation's admins, who will route it to a supervisor. Nobody else can read it meanwhile."}
      </Alert>
    </div>
  );
}
