import { labelOf } from "@/lib/cases/codes";
import type { CommentView } from "@/lib/cases/queries";
import { formatDateTime } from "./format";
import { ReplyForm } from "./reply-form";

/** Top-level comments with their replies beneath, each thread open to a reply. */
export function CommentThreads({ caseId, comments, canReply }: { caseId: string; comments: CommentView[]; canReply: boolean }) {
  const top = comments.filter((c) => !c.parentId);
  const repliesOf = new Map<string, CommentView[]>();
  for (const c of comments) if (c.parentId) repliesOf.set(c.parentId, [...(repliesOf.get(c.parentId) ?? []), c]);
  return (
    <ul className="mt-1 space-y-2">
      {top.map((c) => (
        <li key={c.id} className="rounded-md border border-stone-200 p-3 text-sm">
          <p>
            <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{labelOf("focus", c.focus)}</span>{" "}
            <span className="text-stone-700">
              {c.authorName}, {formatDateTime(c.createdAt)}
            </span>
          </p>
          <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
          {(repliesOf.get(c.id) ?? []).length ? (
            <ul className="mt-2 space-y-2 border-l-2 border-stone-300 pl-3" aria-label={`Replies to ${c.authorName}'s comment`}>
              {(repliesOf.get(c.id) ?? []).map((r) => (
                <li key={r.id}>
                  <p className="text-stone-700">
                    {r.authorName}, {formatDateTime(r.createdAt)}
                  </p>
                  <p className="whitespace-pre-wrap">{r.body}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {canReply ? <ReplyForm caseId={caseId} parentId={c.id} label={`${c.authorName}'s comment`} /> : null}
        </li>
      ))}
    </ul>
  );
}
