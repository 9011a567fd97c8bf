import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UUID } from "@/components/cases/format";
import { InsightView } from "@/components/cases/insight-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { getInsight } from "@/lib/cases/insight";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Trainee insight" };

/** For the trainee's assigned supervisors (and the trainee): everyone else gets not-found. */
export default async function TraineeInsightPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const insight = await getInsight(ctx, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={`Insight: ${insight.name}`} description="Patterns across this trainee's submitted cases and their reviews." />
      <InsightView insight={insight} perspective={id === ctx.membershipId ? "self" : "supervisor"} />
    </>
  );
}
