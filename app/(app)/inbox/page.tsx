import type { Metadata } from "next";
import Link from "next/link";
import { AdminStatus } from "@/components/admin/admin-status";
import { ActionButton } from "@/components/admin/action-button";
import { decodeCursor, encodeCursor } from "@/components/cases/format";
import { InboxList } from "@/components/notifications/inbox-list";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/db/schema";
import { listInbox, unreadCount } from "@/lib/notifications/inbox";
import { UNREAD_CAP } from "@/lib/notifications/limits";
import { markAllReadAction } from "@/lib/notifications/actions";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Inbox" };

const EMPTY: Record<Role, string> = {
  trainee: "Feedback on your cases, modules that become required for you, and reminders when one is due will appear here.",
  supervisor: "Cases waiting for your review, reflections your trainees share with you, and reminders about your own training will appear here.",
  org_admin: "Invitations that are accepted, trainees or cases left without a supervisor, and reminders about your own training will appear here.",
};

export default authedPage(async function InboxPage(ctx, { searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const [{ rows, next }, unread] = await Promise.all([listInbox(ctx, { after: decodeCursor(after) }), unreadCount(ctx)]);
  const nextHref = next ? `/inbox?after=${encodeCursor(next)}` : null;
  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          <>
            What needs your attention, newest first. Opening one marks it as read. Choose what also reaches you by email on <Link href="/account#notifications">your account page</Link>.
          </>
        }
        actions={unread > 0 ? <ActionButton action={markAllReadAction} payload={{}} label="Mark all as read" pendingLabel="Marking…" success="All notifications marked as read." /> : null}
      />
      <AdminStatus />
      <p className="mb-3 text-sm text-stone-700" data-testid="inbox-summary">
        {unread === 0 ? "You have no unread notifications." : `You have ${unread >= UNREAD_CAP ? `more than ${UNREAD_CAP - 1}` : unread} unread notification${unread === 1 ? "" : "s"}.`}
      </p>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 className="font-semibold">{after ? "No older notifications" : "Nothing here yet"}</h2>
          <p className="mt-1 text-stone-700">{after ? <Link href="/inbox">Back to the newest</Link> : EMPTY[ctx.role]}</p>
        </div>
      ) : (
        <InboxList items={rows} />
      )}
      {nextHref ? (
        <p className="mt-4">
          <Link href={nextHref}>Older notifications</Link>
        </p>
      ) : null}
    </>
  );
});
