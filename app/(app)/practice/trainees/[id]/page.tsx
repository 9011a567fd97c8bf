import type { Metadata } from "next";
import { PracticeLogView } from "@/components/practice/log-view";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { getPracticeLog } from "@/lib/practice/log";

export const metadata: Metadata = { title: "Trainee's practice" };

/** A supervised trainee's practice log (supervisors assigned to them only). */
export default authedPage({ permission: "practice.supervise" }, async function TraineePracticePage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const log = await getPracticeLog(ctx, id);
  return (
    <>
      <PageHeader title={`${log.trainee.name}'s practice`} description="Drills done, levels reached per marker and feedback over time." />
      <PracticeLogView log={log} />
    </>
  );
});
