import type { Metadata } from "next";
import { CaseForm } from "@/components/cases/case-form";
import { SupervisionNotice } from "@/components/cases/supervision-notice";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Log a rupture case" };

export default authedPage({ permission: "cases.log" }, async function NewCasePage(ctx) {
  return (
    <>
      <PageHeader title="Log a rupture case" description="A de-identified account of one rupture in the alliance, and your self-assessment against Rogers' six conditions." />
      <SupervisionNotice ctx={ctx} />
      <CaseForm caseId={null} version={0} content={null} dismissals={[]} />
    </>
  );
});
