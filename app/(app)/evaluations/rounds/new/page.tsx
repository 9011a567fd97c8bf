import type { Metadata } from "next";
import Link from "next/link";
import { OpenRoundForm } from "@/components/evaluations/open-round-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { listOpenableForms } from "@/lib/evaluations/forms";
import { listOpenableCohorts } from "@/lib/evaluations/rounds";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Open an evaluation round" };

export default authedPage({ permission: "evaluations.open" }, async function OpenRoundPage(ctx) {
  const [forms, cohorts] = await Promise.all([listOpenableForms(ctx), listOpenableCohorts(ctx)]);
  const admin = ctx.role === "org_admin";
  return (
    <>
      <PageHeader
        title="Open an evaluation round"
        description="A round asks each trainee for a self-evaluation and their supervisor for an evaluation, on the same form, for example at mid-placement or the end of placement. Everyone included is told."
      />
      {forms.length === 0 ? (
        <Alert tone="info" title="There is no evaluation form yet">
          {admin ? (
            <>
              Add Rapport&apos;s starter form or build your own on the <Link href="/evaluations/forms">Forms page</Link> first.
            </>
          ) : (
            "Ask your organisation's admin to add an evaluation form first."
          )}
        </Alert>
      ) : cohorts.length === 0 ? (
        <Alert tone="info" title="There is no cohort to evaluate">
          {admin ? (
            <>
              Create a cohort and add trainees to it on the <Link href="/admin/cohorts">Cohorts page</Link> first.
            </>
          ) : (
            "None of the trainees you supervise is in a cohort. Ask your organisation's admin to add them to one."
          )}
        </Alert>
      ) : (
        <OpenRoundForm forms={forms} cohorts={cohorts} supervisor={ctx.role === "supervisor"} />
      )}
    </>
  );
});
