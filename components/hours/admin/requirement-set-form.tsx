"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextArea, TextField } from "@/components/ui/field";
import { updateSetAction } from "@/lib/hours/actions/requirements";
import { CATEGORIES, type CategoryCode } from "@/lib/hours/categories";
import type { RequirementRules } from "@/lib/hours/requirements";

type Line = { label: string; hours: string; categories: CategoryCode[] };
type Errors = Record<string, string | undefined>;

/** Edits a requirement set: its requirements (hours over chosen categories), the supervision ratio and the period counted. */
export function RequirementSetForm({ set }: { set: { id: string; version: number; name: string; description: string; source: string; active: boolean; rules: RequirementRules } }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState({
    name: set.name,
    description: set.description,
    source: set.source,
    active: set.active,
    ratioPer: set.rules.ratio ? String(set.rules.ratio.contactHoursPerSupervisionHour) : "",
    windowFrom: set.rules.window.from ?? "",
    windowTo: set.rules.window.to ?? "",
    windowMonths: set.rules.window.months ? String(set.rules.window.months) : "",
  });
  const [lines, setLines] = useState<Line[]>(set.rules.lines.map((l) => ({ label: l.label, hours: String(Math.round((l.minutes / 60) * 100) / 100), categories: l.categories as CategoryCode[] })));
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  const setLine = (i: number, l: Partial<Line>) => setLines(lines.map((x, j) => (j === i ? { ...x, ...l } : x)));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    setErrors({});
    setPending(true);
    const r = await updateSetAction({ id: set.id, version: set.version, ...v, lines: lines.map((l) => ({ label: l.label, hours: l.hours, categories: l.categories })) });
    setPending(false);
    if (!r.ok) {
      setErrors(Object.fromEntries(Object.entries(r.fieldErrors ?? {}).map(([k, m]) => [k, m?.[0]])));
      return setMessage({ tone: "error", text: r.error });
    }
    setMessage({ tone: "success", text: "Requirement set saved. Trainees' progress uses it straight away." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={`Edit ${set.name}`}>
      {message ? <Alert tone={message.tone} live>{message.text}</Alert> : null}
      <TextField id={`${id}-name`} label="Name" maxLength={120} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={errors.name} />
      <Checkbox label="Active: show trainees their progress against this set" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
      <TextArea id={`${id}-desc`} label="Description" rows={3} maxLength={2000} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={errors.description} />
      <TextArea id={`${id}-source`} label="Source" hint="The body's handbook or page these figures come from, and when you checked it." rows={2} maxLength={1000} value={v.source} onChange={(e) => setV({ ...v, source: e.target.value })} error={errors.source} />
      <fieldset className="space-y-4" aria-describedby={errors.lines ? `${id}-lines-error` : undefined}>
        <legend className="text-lg font-semibold">Requirements</legend>
        <FieldMessage id={`${id}-lines`} error={errors.lines} />
        {lines.map((l, i) => (
          <div key={i} className="rounded-md border border-stone-200 p-4" data-testid="set-line">
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
              <TextField id={`${id}-l${i}-label`} label={`Requirement ${i + 1}: name`} maxLength={120} value={l.label} onChange={(e) => setLine(i, { label: e.target.value })} error={errors[`lines.${i}.label`]} />
              <TextField id={`${id}-l${i}-hours`} label="Hours required" inputMode="decimal" value={l.hours} onChange={(e) => setLine(i, { hours: e.target.value })} error={errors[`lines.${i}.hours`]} />
            </div>
            <fieldset className="mt-3" aria-describedby={errors[`lines.${i}.categories`] ? `${id}-l${i}-cats-error` : undefined}>
              <legend className="text-sm font-medium text-stone-800">Counts hours in these categories</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {CATEGORIES.map((c) => (
                  <Checkbox
                    key={c.code}
                    label={c.label}
                    checked={l.categories.includes(c.code)}
                    onChange={(e) => setLine(i, { categories: e.target.checked ? [...l.categories, c.code] : l.categories.filter((x) => x !== c.code) })}
                  />
                ))}
              </div>
              <FieldMessage id={`${id}-l${i}-cats`} error={errors[`lines.${i}.categories`]} />
            </fieldset>
            <Button variant="ghost" className="mt-2" onClick={() => setLines(lines.filter((_, j) => j !== i))}>Remove requirement {i + 1}</Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setLines([...lines, { label: "", hours: "", categories: [] }])} disabled={lines.length >= 20}>Add a requirement</Button>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Supervision ratio and period</legend>
        <TextField id={`${id}-ratio`} label="Hours of client contact per hour of supervision" hint="Leave empty for no ratio. Client contact is the three direct categories; supervision is individual and group." inputMode="decimal" value={v.ratioPer} onChange={(e) => setV({ ...v, ratioPer: e.target.value })} error={errors.ratioPer} />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField id={`${id}-from`} label="Count from (optional)" type="date" value={v.windowFrom} onChange={(e) => setV({ ...v, windowFrom: e.target.value })} error={errors.windowFrom} />
          <TextField id={`${id}-to`} label="Count up to (optional)" type="date" value={v.windowTo} onChange={(e) => setV({ ...v, windowTo: e.target.value })} error={errors.windowTo} />
          <TextField id={`${id}-months`} label="Only the last N months (optional)" inputMode="numeric" value={v.windowMonths} onChange={(e) => setV({ ...v, windowMonths: e.target.value })} error={errors.windowMonths} />
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save set"}</Button>
    </form>
  );
}
