import type { Metadata } from "next";
import { isUuid } from "@/lib/util/uuid";
import { InsightView } from "@/components/cases/insight-view";
import { PageHeader } from "@/components/ui/page-header";
import { getInsight } from "@/lib/cases/insight";
import { NotFoundError } from "@/lib/core/errors";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Trainee insight" };

/** For the trainee's assigned supervisors (and the trainee): everyone else gets not-found. */
export default authedPage(async function TraineeInsightPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const insight = await getInsight(ctx, id);
  return (
    <>
      <PageHeader title={`Insight: ${insight.name}`} description="Patterns across this trainee's submitted cases and their reviews." />
      <InsightView insight={insight} perspective={id === ctx.membershipId ? "self" : "supervisor"} />
    </>
  );
});
