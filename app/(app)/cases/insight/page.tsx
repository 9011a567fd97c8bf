import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InsightView } from "@/components/cases/insight-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { getInsight } from "@/lib/cases/insight";
import { can } from "@/lib/core/permissions";

export const metadata: Metadata = { title: "My insight" };

export default async function MyInsightPage() {
  const ctx = await requireContext();
  if (!can(ctx.role, "cases.log")) notFound();
  const insight = await getInsight(ctx, ctx.membershipId);
  return (
    <>
      <PageHeader title="My insight" description="Patterns across your submitted cases and your supervisors' reviews." />
      <InsightView insight={insight} />
    </>
  );
}
