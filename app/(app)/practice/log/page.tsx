import type { Metadata } from "next";
import Link from "next/link";
import { PracticeLogView } from "@/components/practice/log-view";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { getPracticeLog } from "@/lib/practice/log";

export const metadata: Metadata = { title: "Practice log" };

export default authedPage({ permission: "practice.use" }, async function PracticeLogPage(ctx) {
  const log = await getPracticeLog(ctx, ctx.membershipId);
  return (
    <>
      <PageHeader
        title="Your practice log"
        description="The drills you have practised, the level you have reached on each marker, and your supervisors' feedback over time."
        actions={
          <Link href="/practice" className={buttonClass("secondary")}>
            Practice studio
          </Link>
        }
      />
      <PracticeLogView log={log} />
    </>
  );
});
