import Link from "next/link";
import { UNREAD_CAP } from "@/lib/notifications/limits";

/**
 * The shell's inbox link, named "Inbox, 3 unread" with the count shown as a badge. The visible
 * words ("Inbox 3", kept apart by a space) appear in that order in the name (WCAG 2.5.3).
 */
export function InboxLink({ unread }: { unread: number }) {
  const capped = unread >= UNREAD_CAP;
  const badge = capped ? `${UNREAD_CAP - 1}+` : String(unread);
  const name = unread === 0 ? "Inbox" : `Inbox, ${capped ? `${UNREAD_CAP - 1}+` : unread} unread`;
  return (
    <Link
      href="/inbox"
      aria-label={name}
      data-testid="inbox-link"
      className="inline-flex min-h-11 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <span>Inbox</span>{" "}
      {unread > 0 ? (
        <span data-testid="inbox-badge" className="min-w-6 rounded-full bg-red-700 px-2 py-0.5 text-center text-xs font-semibold text-white">
          {badge}
        </span>
      ) : null}
    </Link>
  );
}
