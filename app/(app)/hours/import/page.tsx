import type { Metadata } from "next";
import Link from "next/link";
import { HoursImportPanel } from "@/components/hours/import-panel";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { listMyPlacements } from "@/lib/hours/placements";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Import hours" };

export default authedPage(async function ImportHoursPage(ctx) {
  const placements = (await listMyPlacements(ctx)).filter((p) => !p.archived);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/hours">← Your hours</Link>
      </p>
      <PageHeader
        title="Import a spreadsheet of hours"
        description="Bring the hours you kept in a spreadsheet. Every row is checked first and nothing is saved until you import; importing the same file again adds nothing twice. Imported hours are drafts until you submit them."
      />
      {placements.length === 0 ? (
        <Alert tone="warning">You have no current placement, so imported hours would have nowhere to go. Ask your organisation&apos;s admin to add your placement.</Alert>
      ) : (
        <HoursImportPanel placements={placements.map((p) => p.name)} />
      )}
    </>
  );
});
