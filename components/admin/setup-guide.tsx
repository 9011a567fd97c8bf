import Link from "next/link";
import type { Ctx } from "@/lib/core/context";
import { getSetupGuide } from "@/lib/orgs/setup-guide";
import { dismissSetupGuideAction } from "@/lib/orgs/actions/setup-guide";
import { ActionButton } from "./action-button";

/** The first-run guide on an admin's home page: steps tick themselves; the admin can dismiss it. */
export async function SetupGuide({ ctx }: { ctx: Ctx }) {
  const guide = await getSetupGuide(ctx);
  if (guide.dismissed) return null;
  const required = guide.steps.filter((s) => !s.optional);
  const done = required.filter((s) => s.done).length;
  return (
    <section aria-labelledby="setup-guide" className="mb-6 rounded-lg border border-brand-200 bg-white p-5" data-testid="setup-guide">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="setup-guide" className="text-lg font-semibold">Set up {ctx.orgName}</h2>
          <p className="mt-1 text-sm text-stone-700">
            {done === required.length ? "Every step is done. You can dismiss this guide." : `${done} of ${required.length} steps done. Each step ticks itself when it's done.`}
          </p>
        </div>
        <ActionButton action={dismissSetupGuideAction} payload={{}} label="Dismiss the setup guide" success="Setup guide dismissed." variant="ghost" />
      </div>
      <ol className="mt-4 space-y-2">
        {guide.steps.map((s) => (
          <li key={s.key} className="flex gap-3" data-testid={`setup-step-${s.key}`} data-done={s.done ? "true" : "false"}>
            <span aria-hidden="true" className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full border text-sm ${s.done ? "border-green-700 bg-green-700 text-white" : "border-stone-400"}`}>
              {s.done ? "✓" : ""}
            </span>
            <span>
              <Link href={s.href} className={s.done ? "text-stone-700" : "font-medium"}>
                {s.label}
              </Link>
              <span className="sr-only">{s.done ? " (done)" : s.optional ? " (optional)" : " (to do)"}</span>
              {s.optional ? <span className="ml-2 text-sm text-stone-700">Optional</span> : null}
              <span className="block text-sm text-stone-700">{s.hint}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
