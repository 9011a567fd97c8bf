import type { Metadata } from "next";
import { ConfirmActionButton } from "@/components/admin/confirm-action-button";
import { RequirementForm } from "@/components/admin/requirement-form";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, endOfDay } from "@/lib/onboarding/due";
import { listModuleChoices, listRequirements } from "@/lib/onboarding/requirements";
import { listCohorts } from "@/lib/orgs/cohorts";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { deleteRequirementAction } from "@/lib/onboarding/actions/requirements";
import Link from "next/link";
import { getAssessmentAdmin } from "@/lib/modules/assessment-settings";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Required modules" };

export default authedPage({ permission: "org.manage" }, async function RequirementsPage(ctx) {
  const [reqs, modules, cohorts, assessment] = await Promise.all([listRequirements(ctx), listModuleChoices(), listCohorts(ctx), getAssessmentAdmin(ctx)]);
  const ownRules = new Set(assessment.overrides.map((o) => o.moduleId));
  return (
    <>
      <PageHeader title="Required modules" description="Make modules required for a role or a cohort, due on a date or a number of days after each person joins. When several rules apply to one person, the earliest due date counts." />
      <section aria-labelledby="add-req" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="add-req" className="mb-3 text-lg font-semibold">Add a requirement</h2>
        {modules.length === 0 ? <p className="text-stone-700">No modules are available yet.</p> : <RequirementForm modules={modules} cohorts={cohorts.map((c) => ({ id: c.id, name: c.name }))} />}
      </section>
      <h2 className="mb-3 text-lg font-semibold">Current requirements</h2>
      {reqs.length === 0 ? (
        <p className="text-stone-700">No modules are required yet. A required module appears on each member&apos;s checklist with a due date, and in the completion report. Choose one with the form above.</p>
      ) : (
        <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Current requirements">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Current requirements</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Module</th>
                <th scope="col" className="px-3 py-2">Required for</th>
                <th scope="col" className="px-3 py-2">Due</th>
                <th scope="col" className="px-3 py-2">Check rules</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {reqs.map((r) => (
                <tr key={r.id} data-testid="requirement">
                  <td className="px-3 py-2">{r.moduleTitle}</td>
                  <td className="px-3 py-2">{r.role ? `Every ${ROLE_LABELS[r.role].toLowerCase()}` : `Cohort: ${r.cohortName ?? "?"}`}</td>
                  <td className="px-3 py-2">{r.dueOn ? formatDate(endOfDay(r.dueOn)) : `${r.dueDays} days after joining`}</td>
                  <td className="px-3 py-2">
                    <Link href="/admin/settings/assessment">{ownRules.has(r.moduleId) ? "Own rules" : "Organisation's rules"}</Link>
                  </td>
                  <td className="px-3 py-2">
                    <ConfirmActionButton
                      action={deleteRequirementAction}
                      payload={{ id: r.id }}
                      label="Remove"
                      accessibleLabel={`Remove requirement ${r.moduleTitle}`}
                      title={`Stop requiring “${r.moduleTitle}”?`}
                      confirmLabel={`Remove ${r.moduleTitle}`}
                      success="Requirement removed."
                    >
                      <p>{r.role ? `Every ${ROLE_LABELS[r.role].toLowerCase()}` : `The cohort ${r.cohortName ?? ""}`} will no longer be asked to complete it: it leaves their checklists, the completion report and reminders. Progress and certificates already earned are kept. You can require it again later.</p>
                    </ConfirmActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
