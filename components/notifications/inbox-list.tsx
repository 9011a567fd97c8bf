import { markReadAction } from "@/lib/notifications/actions";
import { ActionButton } from "@/components/admin/action-button";
import { formatDateTime } from "@/components/cases/format";
import type { InboxItem } from "@/lib/notifications/inbox";

/**
 * The inbox's items, newest first. An item's link goes through /inbox/<id>/open, which marks it
 * read and then redirects; it is a plain <a> so the whole page (and the shell's unread badge)
 * loads afresh on the way.
 */
export function InboxList({ items }: { items: InboxItem[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Notifications">
      {items.map((n) => {
        const unread = !n.readAt;
        return (
          <li
            key={n.id}
            data-testid="inbox-item"
            data-unread={unread ? "true" : "false"}
            className={`flex flex-wrap items-start justify-between gap-3 p-4 ${unread ? "border-l-4 border-l-brand-700 bg-brand-50" : "border-l-4 border-l-transparent"}`}
          >
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                {unread ? <span className="rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Unread</span> : null}
                <a href={`/inbox/${n.id}/open`} className={unread ? "font-semibold" : "font-normal"}>
                  {n.title}
                </a>
              </p>
              {n.body ? <p className="mt-1 text-sm text-stone-700">{n.body}</p> : null}
              <p className="mt-1 text-sm text-stone-700">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
            </div>
            {unread ? (
              <ActionButton action={markReadAction} payload={{ id: n.id }} label="Mark as read" pendingLabel="Marking…" success="Marked as read." accessibleLabel={`Mark as read: ${n.title}`} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
