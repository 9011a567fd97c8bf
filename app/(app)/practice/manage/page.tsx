import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveDrillButton } from "@/components/practice/archive-button";
import { RetentionForm } from "@/components/practice/retention-form";
import { formatDate } from "@/components/cases/format";
import { levelLabel, ruptureLabel } from "@/components/practice/labels";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { listAuthoredDrills } from "@/lib/practice/drills";
import { getPracticeSettings } from "@/lib/practice/retention";

export const metadata: Metadata = { title: "Your organisation's drills" };

export default authedPage({ permission: "practice.author" }, async function ManageDrillsPage(ctx) {
  const [drills, settings] = await Promise.all([listAuthoredDrills(ctx), getPracticeSettings(ctx)]);
  return (
    <>
      <PageHeader
        title="Your organisation's drills"
        description="Write drills in your own words, for the ruptures your trainees meet. Every saved change is a new version; archived drills take no new responses."
        actions={
          <>
            <Link href="/practice" className={buttonClass("secondary")}>
              Practice overview
            </Link>
            <Link href="/practice/manage/new" className={buttonClass("primary")}>
              Write a drill
            </Link>
          </>
        }
      />
      <DataTable label="Your organisation's drills" caption="Your organisation's drills" columns={["Drill", "Type", "Level", "Version", "Responses", "Changed", ""]}>
        <tbody className="divide-y divide-stone-200">
          {drills.map((d) => (
            <tr key={d.id}>
              <td className="px-3 py-2">
                <Link href={`/practice/manage/${d.id}`}>{d.title}</Link>
                {d.archived ? <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs">Archived</span> : null}
                {d.hasClip ? <span className="ml-2 text-xs text-stone-700">(clip)</span> : null}
              </td>
              <td className="px-3 py-2">{ruptureLabel(d.ruptureType)}</td>
              <td className="px-3 py-2">{levelLabel(d.difficulty)}</td>
              <td className="px-3 py-2">{d.currentVersion}</td>
              <td className="px-3 py-2">{d.attempts}</td>
              <td className="px-3 py-2">{formatDate(d.updatedAt)}</td>
              <td className="px-3 py-2">
                <ArchiveDrillButton drillId={d.id} title={d.title} archived={d.archived} version={d.version} />
              </td>
            </tr>
          ))}
          {drills.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-3 py-4 text-stone-700">
                None yet: your trainees practise Rapport&apos;s own drills. Write one for a moment your placements know well.
              </td>
            </tr>
          ) : null}
        </tbody>
      </DataTable>
      <section aria-labelledby="retention" className="mt-8 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="retention" className="text-lg font-semibold">
          How long spoken responses are kept
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Recordings are practice material, played only to the trainee and their supervisors and never exported to anyone else. After this many days the recording is deleted (and the deletion
          recorded in the audit log); the response&apos;s feedback stays.
        </p>
        <div className="mt-3">
          <RetentionForm days={settings.recordingRetentionDays} version={settings.version} />
        </div>
      </section>
    </>
  );
});
