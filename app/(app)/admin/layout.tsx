import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminStatus } from "@/components/admin/admin-status";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";

// Every admin page also checks for itself; this only stops non-admins seeing the sub-navigation.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  if (!can(ctx.role, "org.manage")) notFound();
  return (
    <>
      <AdminNav />
      <AdminStatus />
      {children}
    </>
  );
}
