import { formatDateTime } from "@/components/cases/format";
import type { ReflectionComment } from "@/lib/modules/reflection-comments";
import { ReflectionCommentForm } from "./reflection-comment-form";

/** The conversation on a shared reflection: supervisors' comments, each with its replies. */
export function ReflectionThread({ reflectionId, comments, canStart }: { reflectionId: string; comments: ReflectionComment[]; canStart: boolean }) {
  const top = comments.filter((c) => !c.parentId);
  return (
    <div className="mt-3">
      <h4 className="text-sm font-semibold">Comments</h4>
      {top.length === 0 ? <p className="text-sm text-stone-700">{canStart ? "No comments yet." : "Your supervisor hasn't commented yet."}</p> : null}
      <ul className="mt-1 space-y-2">
        {top.map((c) => (
          <li key={c.id} className="rounded-md border border-stone-200 p-3 text-sm">
            <p className="text-stone-700">
              {c.authorName}, {formatDateTime(c.createdAt)}
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
            <ul className="mt-2 space-y-2 border-l-2 border-stone-300 pl-3">
              {comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <li key={r.id}>
                    <p className="text-stone-700">
                      {r.authorName}, {formatDateTime(r.createdAt)}
                    </p>
                    <p className="whitespace-pre-wrap">{r.body}</p>
                  </li>
                ))}
            </ul>
            <ReflectionCommentForm reflectionId={reflectionId} parentId={c.id} label={`Reply to ${c.authorName}`} submit="Send reply" />
          </li>
        ))}
      </ul>
      {canStart ? <ReflectionCommentForm reflectionId={reflectionId} label="Comment on this reflection" submit="Add comment" /> : null}
    </div>
  );
}
