import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/cases/format";
import { FormBuilder } from "@/components/evaluations/form-builder";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { getFormForEdit } from "@/lib/evaluations/forms";
import { oneOf } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Evaluation form" };

const cell = "px-3 py-2";

export default authedPage({ permission: "evaluations.forms" }, async function EditFormPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const form = await getFormForEdit(ctx, id);
  const saved = oneOf(await searchParams, "saved", ["created", "starter"] as const);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations/forms">← All forms</Link>
      </p>
      <PageHeader title={form.name} description={`Version ${form.currentVersion}${form.archivedAt ? " · archived: new rounds can't use it" : ""}`} />
      {saved ? (
        <div className="mb-4">
          <Alert tone="success" live>
            {saved === "starter" ? "Rapport's starter form is now among your forms. Adapt it here, or open a round with it." : "Form created. You can open a round with it now."}
          </Alert>
        </div>
      ) : null}
      <FormBuilder form={{ id: form.id, version: form.version, name: form.name, definition: form.definition, currentInUse: form.currentInUse, currentVersion: form.currentVersion }} />
      <section aria-labelledby="versions" className="mt-10">
        <h2 id="versions" className="mb-3 text-lg font-semibold">
          Versions
        </h2>
        <DataTable label="Versions of this form" caption="Versions of this form, newest first" columns={["Version", "Name", "Created", "Last edited", "Rounds using it"]}>
          <tbody className="divide-y divide-stone-200">
            {form.versions.map((v) => (
              <tr key={v.number}>
                <td className={cell}>{v.number}</td>
                <td className={cell}>{v.name}</td>
                <td className={cell}>{formatDateTime(v.createdAt)}</td>
                <td className={cell}>{formatDateTime(v.updatedAt)}</td>
                <td className={cell}>{v.rounds}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </>
  );
});
