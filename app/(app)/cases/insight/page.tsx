import type { Metadata } from "next";
import { InsightView } from "@/components/cases/insight-view";
import { PageHeader } from "@/components/ui/page-header";
import { getInsight } from "@/lib/cases/insight";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "My insight" };

export default authedPage({ permission: "cases.log" }, async function MyInsightPage(ctx) {
  const insight = await getInsight(ctx, ctx.membershipId);
  return (
    <>
      <PageHeader title="My insight" description="Patterns across your submitted cases and your supervisors' reviews." />
      <InsightView insight={insight} />
    </>
  );
});
