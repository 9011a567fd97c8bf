import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveDrillButton } from "@/components/practice/archive-button";
import { ClipForm } from "@/components/practice/clip-form";
import { EditDrillForm } from "@/components/practice/drill-form";
import { formatDate } from "@/components/cases/format";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { getDrillForEdit } from "@/lib/practice/drills";

export const metadata: Metadata = { title: "Edit a drill" };

export default authedPage(
  { permission: "practice.author" },
  async function EditDrillPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
    const { id } = await params;
    const { saved } = await searchParams;
    const { drill, version, versions } = await getDrillForEdit(ctx, id);
    return (
      <>
        <PageHeader
          title={drill.title}
          description={`Version ${drill.versionNumber}${drill.archived ? " · archived" : ""}.`}
          actions={
            <>
              <Link href={`/practice/drills/${drill.key}`} className={buttonClass("secondary")}>
                See it as trainees do
              </Link>
              <ArchiveDrillButton drillId={drill.key} title={drill.title} archived={drill.archived} version={version} />
            </>
          }
        />
        {saved === "created" ? (
          <div className="mb-4">
            <Alert tone="success" live>
              Drill saved. Trainees in your organisation can practise it now.
            </Alert>
          </div>
        ) : null}
        <EditDrillForm key={`${drill.versionId}-${version}`} drill={drill} version={version} />
        <section aria-labelledby="clip" className="mt-8 max-w-3xl rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="clip" className="text-lg font-semibold">
            Clip
          </h2>
          <div className="mt-2">
            <ClipForm drillId={drill.key} clip={drill.clip} />
          </div>
        </section>
        <section aria-labelledby="versions" className="mt-8 max-w-3xl">
          <h2 id="versions" className="text-lg font-semibold">
            Versions
          </h2>
          <div className="mt-2">
            <DataTable label="Versions of this drill" caption="Versions of this drill" columns={["Version", "Title", "Saved", "Responses"]}>
              <tbody className="divide-y divide-stone-200">
                {versions.map((v) => (
                  <tr key={v.number}>
                    <td className="px-3 py-2">{v.number}</td>
                    <td className="px-3 py-2">{v.title}</td>
                    <td className="px-3 py-2">{formatDate(v.createdAt)}</td>
                    <td className="px-3 py-2">{v.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        </section>
      </>
    );
  },
);
