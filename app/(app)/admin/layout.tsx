import { notFound } from "next/navigation";
import { AdminStatus } from "@/components/admin/admin-status";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";

// Every admin page also checks for itself. Admin pages are reached from the main navigation
// (its Administration group); there is no second row of tabs.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  if (!can(ctx.role, "org.manage")) notFound();
  return (
    <>
      <AdminStatus />
      {children}
    </>
  );
}
