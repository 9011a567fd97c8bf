import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatAuDate } from "@/lib/modules/certificates";
import { listCatalogue } from "@/lib/modules/queries";
import { listCertificateRules } from "@/lib/modules/certificate-rule";
import { listMyRequirements } from "@/lib/onboarding/requirements";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Modules" };

const STATUS = { not_started: "Not started", in_progress: "In progress", complete: "Complete" } as const;

export default authedPage(async function ModulesPage(ctx) {
  const [rows, required, rules] = await Promise.all([listCatalogue(ctx), listMyRequirements(ctx), listCertificateRules(ctx)]);
  const anyReflection = rows.some((m) => rules.reflectionRequired(m.id));
  const due = new Map(required.map((r) => [r.moduleId, r.dueAt]));
  const now = new Date();
  const sorted = [...rows].sort((a, b) => Number(due.has(b.id)) - Number(due.has(a.id)) || a.position - b.position);
  return (
    <>
      <PageHeader
        title="Training modules"
        description={`The therapeutic alliance through the CBT and person-centred lenses. Each module has short lessons, a reflection and a knowledge check. You get a module's certificate when you have marked every lesson complete and passed its check${anyReflection ? "; where a module says so below, your organisation also requires its reflection" : ""}.`}
      />
      <ol className="grid gap-4 md:grid-cols-2">
        {sorted.map((m) => {
          const dueAt = due.get(m.id);
          const overdue = dueAt && m.status !== "complete" && dueAt.getTime() < now.getTime();
          return (
            <li key={m.id} className="flex flex-col rounded-lg border border-stone-200 bg-white p-5">
              <div className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide">
                <span className="text-stone-700">Module {m.position}</span>
                {due.has(m.id) ? (
                  <span className={`rounded px-2 py-0.5 ${overdue ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-950"}`}>
                    Required{dueAt ? ` · due ${formatAuDate(dueAt)}` : ""}
                    {overdue ? " · overdue" : ""}
                  </span>
                ) : null}
              </div>
              <h2 className="mt-1 text-lg font-semibold">
                <Link href={`/modules/${m.slug}`}>{m.title}</Link>
              </h2>
              <p className="mt-2 flex-1 text-sm text-stone-700">{m.summary}</p>
              <div className="mt-4">
                <ProgressBar percent={m.percent} label={`${m.title} progress`} />
                <p className="mt-1 text-sm text-stone-700">
                  {STATUS[m.status]} · {m.lessonsDone} of {m.lessonCount} lessons · check {m.passed ? `passed (${m.bestScore}%)` : m.bestScore !== null ? `best ${m.bestScore}%` : "not attempted"}
                </p>
                <p className="mt-1 text-sm text-stone-700" data-testid="certificate-rule">
                  Certificate: every lesson and a pass in the check{rules.reflectionRequired(m.id) ? ", and your reflection written in full" : ""}.
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
});
