import { AdminStatus } from "@/components/admin/admin-status";
import { EvaluationsNav } from "@/components/evaluations/evaluations-nav";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";

// Sub-navigation only: every page and route under /evaluations authorises itself.
export default async function EvaluationsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const sections = [
    { href: "/evaluations", label: ctx.role === "org_admin" ? "Rounds" : "Evaluations", show: can(ctx.role, "evaluations.view") },
    { href: "/evaluations/rounds/new", label: "Open a round", show: can(ctx.role, "evaluations.open") },
    { href: "/evaluations/forms", label: "Forms", show: can(ctx.role, "evaluations.forms") },
    { href: "/evaluations/reports", label: "Cohort report", show: can(ctx.role, "evaluations.reports") },
  ].filter((s) => s.show);
  return (
    <>
      <EvaluationsNav sections={sections.map(({ href, label }) => ({ href, label }))} />
      <AdminStatus />
      {children}
    </>
  );
}
