import { AppShell } from "@/components/shell/app-shell";
import { myOrgChoices, requireContext } from "@/lib/auth/context";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const orgs = await myOrgChoices();
  return (
    <AppShell ctx={ctx} orgs={orgs}>
      {children}
    </AppShell>
  );
}
