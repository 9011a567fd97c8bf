import { AppShell } from "@/components/shell/app-shell";
import { listOrgChoices, requireContext } from "@/lib/auth/context";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const orgs = await listOrgChoices(ctx.userId);
  return (
    <AppShell ctx={ctx} orgs={orgs}>
      {children}
    </AppShell>
  );
}
