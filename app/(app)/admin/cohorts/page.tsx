import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { ConfirmActionButton } from "@/components/admin/confirm-action-button";
import { CohortNameForm } from "@/components/admin/cohort-name-form";
import { PageHeader } from "@/components/ui/page-header";
import { listCohorts } from "@/lib/orgs/cohorts";
import { can } from "@/lib/core/permissions";
import { archiveCohortAction } from "@/lib/orgs/actions/cohorts";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Cohorts" };

export default authedPage({ permission: "org.manage" }, async function CohortsPage(ctx) {
  const cohorts = await listCohorts(ctx, { includeArchived: true });
  return (
    <>
      <PageHeader title="Cohorts" description="Group people who start together, such as an intake. Required modules can apply to a cohort. Add people from their member page or when you invite them." />
      <section aria-labelledby="new-cohort" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="new-cohort" className="mb-3 text-lg font-semibold">New cohort</h2>
        <CohortNameForm />
      </section>
      <h2 className="mb-3 text-lg font-semibold">All cohorts</h2>
      {cohorts.length === 0 ? (
        <p className="text-stone-700">No cohorts yet. A cohort groups people who start together (an intake), so you can require modules of them and filter reports by them. Create one above.</p>
      ) : (
        <ul className="space-y-4">
          {cohorts.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-5" data-testid="cohort">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-base font-semibold">
                  {c.name}
                  {c.archivedAt ? <span className="ml-2 text-sm font-normal text-stone-700">(archived)</span> : null}
                </h3>
                <Link href={`/admin/members?cohort=${c.id}`}>
                  {c.members} active {c.members === 1 ? "member" : "members"}
                </Link>
              </div>
              <div className="flex flex-wrap items-end justify-between gap-4">
                <div className="min-w-0 flex-1">
                  <CohortNameForm cohort={{ id: c.id, name: c.name, version: c.version }} />
                </div>
                {c.archivedAt ? (
                  <ActionButton action={archiveCohortAction} payload={{ id: c.id, archived: false, version: c.version }} label="Restore" accessibleLabel={`Restore ${c.name}`} success="Cohort restored." />
                ) : (
                  <ConfirmActionButton
                    action={archiveCohortAction}
                    payload={{ id: c.id, archived: true, version: c.version }}
                    label="Archive"
                    accessibleLabel={`Archive ${c.name}`}
                    title={`Archive the cohort “${c.name}”?`}
                    confirmLabel={`Archive ${c.name}`}
                    success="Cohort archived."
                  >
                    <p>It leaves the lists of cohorts to choose from. Its {c.members} {c.members === 1 ? "member keeps" : "members keep"} their access and records, and requirements set for the cohort stay as they are. You can restore it at any time.</p>
                  </ConfirmActionButton>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
});
