import type { Metadata } from "next";
import Link from "next/link";
import { CopyCaseButton } from "@/components/calibration/copy-case-button";
import { formatDate } from "@/components/cases/format";
import { StatusBadge } from "@/components/cases/status-badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listCopyableCases, listReferenceOptions } from "@/lib/calibration/references";
import { labelOf } from "@/lib/cases/codes";
import type { CaseStatus } from "@/lib/cases/workflow";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Reference cases" };

const cell = "px-3 py-2 align-top";

export default authedPage({ permission: "calibration.manage" }, async function ReferenceCasesPage(ctx) {
  const [references, copyable] = await Promise.all([listReferenceOptions(ctx), listCopyableCases(ctx)]);
  return (
    <>
      <PageHeader
        title="Reference cases"
        description="The cases a calibration round can be opened on: Rapport's three exemplars, each with a lead supervisor's reference review, and trainees' cases copied with their consent."
        actions={
          <Link className={buttonClass("primary")} href="/calibration/new">
            Open a round
          </Link>
        }
      />
      <section aria-labelledby="available" className="mb-8 space-y-3">
        <h2 id="available" className="text-lg font-semibold">
          Available now
        </h2>
        <ul className="space-y-2">
          {references.map((r) => (
            <li key={r.id} className="rounded-md border border-stone-200 bg-white p-3">
              <p className="font-medium">
                {r.title} <span className="text-sm font-normal text-stone-700">({r.source === "exemplar" ? "Rapport exemplar" : "copied case"})</span>
              </p>
              <p className="text-sm text-stone-700">{r.summary}</p>
              <p className="mt-1 text-sm">
                <Link href={`/calibration/new?reference=${encodeURIComponent(r.id)}`}>Open a round on “{r.title}”</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="consented" className="space-y-3">
        <h2 id="consented" className="text-lg font-semibold">
          Cases trainees have allowed to be copied
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          A trainee can allow a de-identified copy from their own case page once it is submitted or signed off. The copy leaves out who wrote it and gets a new client code; it is made only
          if the de-identification check flags nothing at all, and never for a case with risk recorded. You see each case&apos;s record here, not its narrative.
        </p>
        {copyable.length === 0 ? (
          <p className="text-stone-700">No case is waiting to be copied.</p>
        ) : (
          <DataTable label="Cases that may be copied" caption="Cases whose authors allowed a calibration copy" columns={["Rupture type", "Outcome", "Status", "Submitted", "Allowed on", "Copy"]}>
            <tbody className="divide-y divide-stone-200">
              {copyable.map((c, i) => (
                <tr key={c.caseId}>
                  <td className={cell}>{labelOf("ruptureType", c.ruptureType)}</td>
                  <td className={cell}>{labelOf("outcome", c.outcome)}</td>
                  <td className={cell}>
                    <StatusBadge status={c.status as CaseStatus} />
                  </td>
                  <td className={cell}>{formatDate(c.submittedAt)}</td>
                  <td className={cell}>{formatDate(c.consentedAt)}</td>
                  <td className={cell}>
                    <CopyCaseButton caseId={c.caseId} label={`case ${i + 1} (${labelOf("ruptureType", c.ruptureType).toLowerCase()})`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
});
