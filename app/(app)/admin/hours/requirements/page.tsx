import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { adoptStandardSetAction, copySetAction, createOwnSetAction, deleteSetAction } from "@/lib/hours/actions/requirements";
import { categoryLabel } from "@/lib/hours/categories";
import { formatDuration } from "@/lib/hours/duration";
import { availableStandards, listRequirementSets } from "@/lib/hours/requirement-sets";
import { readRules, windowText } from "@/lib/hours/requirements";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Hour requirements" };

export default authedPage(async function RequirementSetsPage(ctx) {
  const sets = await listRequirementSets(ctx);
  const used = new Set(sets.map((s) => s.standardKey).filter(Boolean));
  return (
    <>
      <PageHeader
        title="Hour requirements"
        description="What your trainees' hours are measured against. Use a published set (a copy is made for you to keep as it is or edit) or define your own. Every active set shows on each trainee's progress."
        actions={<ActionButton action={createOwnSetAction} payload={{}} label="Create your own set" variant="primary" success="A new set was added below (inactive until you edit and activate it)." />}
      />
      <section aria-labelledby="yours" className="space-y-4">
        <h2 id="yours" className="text-lg font-semibold">Your organisation&apos;s sets</h2>
        {sets.length === 0 ? <p className="text-stone-700">None yet. Pick a published set below, or create your own.</p> : null}
        {sets.map((s) => {
          const rules = readRules(s.rules);
          return (
            <article key={s.id} className="rounded-lg border border-stone-200 bg-white p-5" aria-labelledby={`set-${s.id}`} data-testid="org-set">
              <h3 id={`set-${s.id}`} className="font-semibold">
                {s.name} <span className={`ml-1 rounded px-2 py-0.5 text-xs font-medium ${s.active ? "bg-green-100 text-green-900" : "bg-stone-100 text-stone-900"}`}>{s.active ? "Active" : "Inactive"}</span>
              </h3>
              <ul className="mt-2 list-disc pl-6 text-sm">
                {rules.lines.map((l) => (
                  <li key={l.key}>
                    {l.label}: {formatDuration(l.minutes)} ({l.categories.map(categoryLabel).join(", ")})
                  </li>
                ))}
                {rules.ratio ? <li>At least 1 hour of supervision per {rules.ratio.contactHoursPerSupervisionHour} hours of client contact</li> : null}
              </ul>
              {windowText(rules) ? <p className="mt-1 text-sm text-stone-700">{windowText(rules)}</p> : null}
              <div className="mt-3 flex flex-wrap gap-2">
                <Link className="inline-flex min-h-11 items-center px-2" href={`/admin/hours/requirements/${s.id}`} aria-label={`Edit ${s.name}`}>Edit</Link>
                <ActionButton action={copySetAction} payload={{ id: s.id }} label="Copy" success={`A copy of ${s.name} was added.`} accessibleLabel={`Copy ${s.name}`} />
                <ActionButton action={deleteSetAction} payload={{ id: s.id }} label="Delete" variant="ghost" success={`${s.name} was deleted.`} accessibleLabel={`Delete ${s.name}`} />
              </div>
            </article>
          );
        })}
      </section>
      <section aria-labelledby="published" className="mt-8 space-y-4">
        <h2 id="published" className="text-lg font-semibold">Published sets</h2>
        <p className="text-sm text-stone-700">Figures from each body&apos;s own pages, with the source. Bodies change their requirements: check against the current handbook, and edit your copy if they differ.</p>
        {availableStandards().map((s) => (
          <article key={s.key} className="rounded-lg border border-stone-200 bg-white p-5" aria-labelledby={`std-${s.key}`} data-testid="standard-set">
            <h3 id={`std-${s.key}`} className="font-semibold">{s.name}</h3>
            <p className="mt-1 text-sm">{s.description}</p>
            <p className="mt-1 text-sm text-stone-700">Source: {s.source}</p>
            <div className="mt-3">
              {used.has(s.key) ? (
                <p className="text-sm font-medium text-green-900">In use by your organisation.</p>
              ) : (
                <ActionButton action={adoptStandardSetAction} payload={{ key: s.key }} label="Use this set" variant="primary" success={`${s.name} is now one of your sets.`} accessibleLabel={`Use this set: ${s.name}`} />
              )}
            </div>
          </article>
        ))}
      </section>
    </>
  );
});
