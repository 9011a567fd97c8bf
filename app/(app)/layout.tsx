import { AppShell } from "@/components/shell/app-shell";
import { myOrgChoices, requireContext } from "@/lib/core/context";
import { unreadCount } from "@/lib/notifications/inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireContext();
  const [orgs, unread] = await Promise.all([myOrgChoices(), unreadCount(ctx)]);
  return (
    <AppShell ctx={ctx} orgs={orgs} unread={unread}>
      {children}
    </AppShell>
  );
}
