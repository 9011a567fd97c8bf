import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackCard, ResponseBody } from "@/components/practice/attempt-parts";
import { formatDateTime } from "@/components/cases/format";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";
import { listAttemptsOnDrill } from "@/lib/practice/attempts";
import { getDrill } from "@/lib/practice/drills";
import { quoted } from "@/lib/practice/types";
import { param, type RawSearch } from "@/lib/util/params";

export const metadata: Metadata = { title: "Compare attempts" };

/** A trainee's attempts at one drill side by side, each with its feedback: their own, or a supervised trainee's. */
export default authedPage(
  { permission: "practice.use" },
  async function ComparePage(ctx, { params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<RawSearch> }) {
    const { key } = await params;
    const trainee = param(await searchParams, "trainee", 36) ?? ctx.membershipId;
    const [drill, { trainee: who, attempts }] = await Promise.all([getDrill(ctx, key), listAttemptsOnDrill(ctx, trainee, key)]);
    return (
      <>
        <PageHeader
          title={`Attempts at ${quoted(drill.title)}`}
          description={who.own ? "Your responses side by side, oldest first, with the feedback on each." : `${who.name}'s responses side by side, oldest first.`}
          actions={
            who.own ? (
              <Link href={`/practice/drills/${drill.key}`} className={buttonClass("primary")}>
                Try again
              </Link>
            ) : null
          }
        />
        {attempts.length === 0 ? (
          <p className="text-stone-700">No attempts at this drill yet.</p>
        ) : (
          <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" role="region" aria-label="Attempts side by side" tabIndex={0}>
            <ol className="grid auto-cols-[minmax(18rem,1fr)] grid-flow-col gap-4 p-4" data-testid="compare-attempts">
              {attempts.map((a, i) => (
                <li key={a.id} className="space-y-3" aria-labelledby={`attempt-${a.id}`}>
                  <h2 id={`attempt-${a.id}`} className="font-semibold">
                    <Link href={`/practice/attempts/${a.id}`}>Attempt {i + 1}</Link>
                  </h2>
                  <p className="text-xs text-stone-700">
                    {formatDateTime(a.createdAt)} · {a.mode === "spoken" ? "spoken" : "typed"}
                  </p>
                  <ResponseBody attempt={a} />
                  {a.feedback.length === 0 ? <p className="text-sm text-stone-700">Not rated yet.</p> : a.feedback.map((f) => <FeedbackCard key={f.id} f={f} />)}
                </li>
              ))}
            </ol>
          </div>
        )}
      </>
    );
  },
);
