"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { saveWeekAction } from "@/lib/hours/actions/entries";
import { CATEGORIES, type CategoryCode } from "@/lib/hours/categories";
import { shortDay } from "@/lib/hours/days";
import { formatCell, formatDuration, MAX_ENTRY_MINUTES, parseDuration } from "@/lib/hours/duration";

type Placement = { traineePlacementId: string; name: string };
const key = (p: string, day: string, c: string) => `${p}|${day}|${c}`;

/**
 * A week at a glance: one row per placement and category, one column per day. Each filled cell is
 * a draft entry; saving updates the drafts (an emptied cell removes its draft). "Copy last week"
 * fills the cells from last week's hours, to adjust before saving.
 */
export function WeekGrid({ weekStart, days, today, placements, drafts, lastWeek }: { weekStart: string; days: string[]; today: string; placements: Placement[]; drafts: Record<string, number>; lastWeek: Record<string, number> }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(drafts).map(([k, m]) => [k, formatCell(m)])));
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [touched, setTouched] = useState(false);

  const parsed = useMemo(() => {
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(values)) out[k] = v.trim() === "" ? 0 : parseDuration(v);
    return out;
  }, [values]);
  const invalid = Object.entries(parsed).filter(([, m]) => m === null || (m ?? 0) > MAX_ENTRY_MINUTES);
  const dayTotal = (day: string) => Object.entries(parsed).reduce((n, [k, m]) => (k.split("|")[1] === day ? n + (m ?? 0) : n), 0);
  const lastWeekTotal = Object.values(lastWeek).reduce((n, m) => n + m, 0);

  function copyLastWeek() {
    const next = { ...values };
    let filled = 0;
    for (const [k, m] of Object.entries(lastWeek)) {
      const day = k.split("|")[1];
      if (day > today || !placements.some((p) => k.startsWith(`${p.traineePlacementId}|`))) continue;
      next[k] = formatCell(m);
      filled++;
    }
    setValues(next);
    setTouched(true);
    setMessage(filled ? { tone: "info", text: `Copied ${filled} cells from last week. Adjust them, then save the week.` } : { tone: "info", text: "Nothing to copy: last week has no hours at your current placements." });
  }

  function save() {
    setTouched(true);
    if (invalid.length) return setMessage({ tone: "error", text: `${invalid.length} ${invalid.length === 1 ? "cell isn't" : "cells aren't"} a duration we can read. Write hours and minutes as 1:30, or hours as 1.5 (at most 24 hours).` });
    const cells = placements.flatMap((p) =>
      days.filter((d) => d <= today).flatMap((d) => CATEGORIES.map((c) => ({ traineePlacementId: p.traineePlacementId, day: d, category: c.code as CategoryCode, minutes: parsed[key(p.traineePlacementId, d, c.code)] ?? 0 }))),
    );
    setMessage(null);
    start(async () => {
      const r = await saveWeekAction({ weekStart, cells });
      if (!r.ok) return setMessage({ tone: "error", text: r.fieldErrors?.cells?.[0] ?? r.error });
      const { created, updated, removed } = r.data;
      setMessage({ tone: "success", text: `Week saved: ${created} added, ${updated} changed, ${removed} removed. They are drafts until you submit them from your hours.` });
      router.refresh();
    });
  }

  if (placements.length === 0) return <Alert tone="warning">You have no current placement, so there is nowhere to log hours. Ask your organisation&apos;s admin to add your placement.</Alert>;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={copyLastWeek} disabled={pending || lastWeekTotal === 0}>
          Copy last week ({formatDuration(lastWeekTotal)})
        </Button>
        <Button onClick={save} disabled={pending}>
          {pending ? "Saving…" : "Save week"}
        </Button>
        <Link href="/hours" className="inline-flex min-h-11 items-center">Back to your hours</Link>
      </div>
      <div aria-live="polite">
        {message ? (
          <Alert tone={message.tone} live={message.tone === "error"}>
            {message.text}
          </Alert>
        ) : null}
      </div>
      {placements.map((p) => (
        <div key={p.traineePlacementId} className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={`Week grid for ${p.name}`}>
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">{p.name}</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Category</th>
                {days.map((d) => (
                  <th key={d} scope="col" className="px-2 py-2 whitespace-nowrap">{shortDay(d)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {CATEGORIES.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className="px-3 py-1 text-left font-normal">{c.short}</th>
                  {days.map((d) => {
                    const k = key(p.traineePlacementId, d, c.code);
                    const bad = touched && (parsed[k] === null || (parsed[k] ?? 0) > MAX_ENTRY_MINUTES);
                    return (
                      <td key={d} className="px-1 py-1">
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          disabled={d > today}
                          aria-label={`${p.name}, ${c.label}, ${shortDay(d)}`}
                          aria-invalid={bad ? true : undefined}
                          value={values[k] ?? ""}
                          onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                          placeholder={d > today ? "" : "0:00"}
                          className="block min-h-11 w-16 rounded border border-stone-400 px-1 text-center tabular-nums placeholder:text-stone-500 disabled:bg-stone-100 aria-[invalid=true]:border-red-700 aria-[invalid=true]:bg-red-50"
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Daily totals in the grid">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Daily totals in the grid</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">Grid total</th>
              {days.map((d) => (
                <th key={d} scope="col" className="px-2 py-2 whitespace-nowrap">{shortDay(d)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="px-3 py-2 text-left font-normal">Hours</th>
              {days.map((d) => (
                <td key={d} className="px-2 py-2 tabular-nums" data-testid="grid-day-total">{formatDuration(dayTotal(d))}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
