import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseForm } from "@/components/cases/case-form";
import { SupervisionNotice } from "@/components/cases/supervision-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";

export const metadata: Metadata = { title: "Log a rupture case" };

export default async function NewCasePage() {
  const ctx = await requireContext();
  if (!can(ctx.role, "cases.log")) notFound();
  return (
    <>
      <PageHeader title="Log a rupture case" description="A de-identified account of one rupture in the alliance, and your self-assessment against Rogers' six conditions." />
      <SupervisionNotice ctx={ctx} />
      <CaseForm caseId={null} version={0} content={null} dismissals={[]} />
    </>
  );
}
