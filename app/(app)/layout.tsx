import { AppShell } from "@/components/shell/app-shell";
import { getShellBranding, myOrgChoices, requireContext } from "@/lib/core/context";
import { unreadCount } from "@/lib/notifications/inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const [orgs, unread, branding] = await Promise.all([myOrgChoices(), unreadCount(ctx), getShellBranding(ctx)]);
  return (
    <AppShell ctx={ctx} orgs={orgs} unread={unread} logoUrl={branding.logoUrl} displayName={branding.preferredName ?? undefined}>
      {children}
    </AppShell>
  );
}
