import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { formatDate } from "@/components/cases/format";
import { InstallStarterButton } from "@/components/evaluations/install-starter-button";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { archiveFormAction } from "@/lib/evaluations/actions/forms";
import { listForms } from "@/lib/evaluations/forms";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Evaluation forms" };

const cell = "px-3 py-2 align-top";

export default authedPage({ permission: "evaluations.forms" }, async function FormsPage(ctx) {
  const forms = await listForms(ctx);
  const hasStarter = forms.some((f) => f.source === "starter");
  return (
    <>
      <PageHeader
        title="Evaluation forms"
        description="Competencies grouped in domains, a rating scale anchored in words, and an overall recommendation. Editing a form a round has used creates a new version; evaluations keep the version they started with."
        actions={
          <Link className={buttonClass("secondary")} href="/evaluations/forms/new">
            Build a new form
          </Link>
        }
      />
      {!hasStarter ? (
        <section aria-labelledby="starter" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="starter" className="text-lg font-semibold">
            Rapport&apos;s starter form
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-stone-700">
            Seven domains (alliance and relationship skills, rupture recognition and repair, ethics and risk, use of supervision, cultural responsiveness, case conceptualisation, documentation) on a five-point developmental scale, written for
            Rapport. Add a copy and adapt it as you like. It is a formative form, not a validated instrument.
          </p>
          <div className="mt-3">
            <InstallStarterButton />
          </div>
        </section>
      ) : null}
      <p className="mb-4 max-w-2xl text-sm text-stone-700">
        Licensed instruments (such as the CCS-R or the CTRS) are not included with Rapport. If your organisation holds a licence for one, enter it with “Build a new form”, including the instrument&apos;s wording for each point.
      </p>
      {forms.length === 0 ? (
        <p className="text-stone-700">No forms yet.</p>
      ) : (
        <DataTable label="Evaluation forms" caption="Your organisation's evaluation forms" columns={["Form", "Current version", "Rounds", "Last changed", ""]}>
          <tbody className="divide-y divide-stone-200">
            {forms.map((f) => (
              <tr key={f.id}>
                <td className={cell}>
                  <Link href={`/evaluations/forms/${f.id}`}>{f.name}</Link>
                  {f.archivedAt ? <span className="ml-2 text-stone-700">(archived)</span> : null}
                </td>
                <td className={cell}>{f.currentVersion}</td>
                <td className={cell}>{f.rounds}</td>
                <td className={cell}>{formatDate(f.updatedAt)}</td>
                <td className={cell}>
                  <ActionButton
                    action={archiveFormAction}
                    payload={{ formId: f.id, version: f.version, archived: !f.archivedAt }}
                    label={f.archivedAt ? "Restore" : "Archive"}
                    accessibleLabel={`${f.archivedAt ? "Restore" : "Archive"} ${f.name}`}
                    success={f.archivedAt ? "Form restored: new rounds can use it." : "Form archived: new rounds can't use it; open rounds carry on."}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
});
