import type { ReactNode } from "react";
import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { DataTable } from "@/components/ui/data-table";
import type { MyAssignment, SetAssignment } from "@/lib/practice/assignments";
import type { AwaitingRow, TraineePracticeRow } from "@/lib/practice/log";
import type { Suggestion } from "@/lib/practice/suggest";
import type { Drill } from "@/lib/practice/types";
import { levelLabel, markerLabel, ruptureLabel } from "./labels";

const box = "rounded-lg border border-stone-200 bg-white p-5";

export function AssignedPanel({ assignments }: { assignments: MyAssignment[] }) {
  const open = assignments.filter((a) => !a.done);
  return (
    <section aria-labelledby="assigned" className={box}>
      <h2 id="assigned" className="text-lg font-semibold">
        Set for you
      </h2>
      {assignments.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">Nothing set for you yet. Your supervisor can set drills; you can practise any drill below meanwhile.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200" data-testid="assigned-drills">
          {[...open, ...assignments.filter((a) => a.done)].map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <Link href={`/practice/drills/${a.drillKey}`} className="font-medium">
                  {a.title}
                </Link>
                <p className="text-sm text-stone-700">
                  Set by {a.assignedBy}
                  {a.dueOn ? ` · due ${formatDate(a.dueAt)}` : ""}
                </p>
              </div>
              <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${a.done ? "bg-green-100 text-green-900" : a.dueAt && a.dueAt < new Date() ? "bg-red-100 text-red-900" : "bg-stone-200 text-stone-900"}`}>
                {a.done ? "Done" : a.dueAt && a.dueAt < new Date() ? "Overdue" : "To do"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Drills that match a case's markers, best first (lib/practice/suggest.ts). */
export function SuggestionList({ suggestions, intro }: { suggestions: Suggestion[]; intro: ReactNode }) {
  return (
    <div>
      <p className="text-sm text-stone-700">{intro}</p>
      {suggestions.length === 0 ? (
        <p className="mt-2 text-sm">No drill matches these markers yet.</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="suggested-drills">
          {suggestions.map((s) => (
            <li key={s.drill.key} className="rounded-md border border-stone-200 p-3">
              <Link href={`/practice/drills/${s.drill.key}`} className="font-medium">
                {s.drill.title}
              </Link>
              <p className="text-sm text-stone-700">
                {levelLabel(s.drill.difficulty)} · shares {s.matched.map(markerLabel).join("; ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LibraryTable({ drills, practised }: { drills: Drill[]; practised: ReadonlyMap<string, number> }) {
  return (
    <DataTable label="Drills" caption="Drills you can practise" columns={["Drill", "Type", "Level", "Markers", "Your responses"]}>
      <tbody className="divide-y divide-stone-200">
        {drills.map((d) => (
          <tr key={d.key}>
            <td className="px-3 py-2">
              <Link href={`/practice/drills/${d.key}`} className="font-medium">
                {d.title}
              </Link>
              {d.source === "custom" ? <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-stone-900">Your organisation&apos;s</span> : null}
            </td>
            <td className="px-3 py-2">{ruptureLabel(d.ruptureType)}</td>
            <td className="px-3 py-2">{d.difficulty}</td>
            <td className="px-3 py-2 text-stone-700">{d.markers.map(markerLabel).join("; ")}</td>
            <td className="px-3 py-2">{practised.get(d.key) ?? 0}</td>
          </tr>
        ))}
        {drills.length === 0 ? (
          <tr>
            <td colSpan={5} className="px-3 py-4 text-stone-700">
              No drill matches this filter.
            </td>
          </tr>
        ) : null}
      </tbody>
    </DataTable>
  );
}

export function AwaitingPanel({ rows }: { rows: AwaitingRow[] }) {
  return (
    <section aria-labelledby="awaiting" className={box}>
      <h2 id="awaiting" className="text-lg font-semibold">
        Responses waiting for your feedback
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">None waiting. Your trainees&apos; new responses appear here.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200" data-testid="awaiting-feedback">
          {rows.map((r) => (
            <li key={r.attemptId} className="py-2">
              <Link href={`/practice/attempts/${r.attemptId}`} className="font-medium">
                {r.traineeName}: {r.title}
              </Link>
              <p className="text-sm text-stone-700">
                {r.mode === "spoken" ? "Spoken" : "Typed"} · {formatDate(r.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TraineesPanel({ rows }: { rows: TraineePracticeRow[] }) {
  return (
    <section aria-labelledby="trainees-practice" className={box}>
      <h2 id="trainees-practice" className="text-lg font-semibold">
        Your trainees&apos; practice
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">No trainees are assigned to you yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200">
          {rows.map((t) => (
            <li key={t.membershipId} className="flex flex-wrap justify-between gap-2 py-2">
              <Link href={`/practice/trainees/${t.membershipId}`}>{t.name}</Link>
              <span className="text-sm text-stone-700">
                {t.attempts === 1 ? "1 response" : `${t.attempts} responses`}
                {t.lastAt ? ` · last ${formatDate(t.lastAt)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SetPanel({ rows }: { rows: SetAssignment[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="set-drills" className={box}>
      <h2 id="set-drills" className="text-lg font-semibold">
        Drills set
      </h2>
      <ul className="mt-2 divide-y divide-stone-200">
        {rows.map((a) => (
          <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              <Link href={`/practice/drills/${a.drillKey}`}>{a.title}</Link>
              <span className="text-sm text-stone-700"> · {a.cohortName ? `cohort ${a.cohortName}` : "one trainee"}</span>
            </span>
            <span className="text-sm text-stone-700">
              {a.done} of {a.trainees} done{a.dueOn ? ` · due ${a.dueOn}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
