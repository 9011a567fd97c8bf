"use client";

import type { z } from "zod";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { correctEntryAction, createEntryAction, updateEntryAction } from "@/lib/hours/actions/entries";
import { CATEGORIES, FAMILY_LABELS, type CategoryFamily } from "@/lib/hours/categories";
import { correctionInput, entryInput } from "@/lib/hours/schemas";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";
const FAMILIES: CategoryFamily[] = ["direct", "indirect", "supervision", "skills"];

export type EntryFormValues = { traineePlacementId: string; occurredOn: string; duration: string; category: string; note: string };
type Mode = { kind: "create" } | { kind: "edit"; id: string; version: number } | { kind: "correct"; correctsId: string };

const SUCCESS: Record<Mode["kind"], string> = {
  create: "Entry saved as a draft. Submit it from your ledger when you're ready.",
  edit: "Changes saved.",
  correct: "Correction saved as a draft. Submit it for approval from your ledger: the original counts until it is approved.",
};

/** Add, edit or correct one entry. The duration is typed as people say it: 1:30, 1.5 or 90 min. */
export function EntryForm({ placements, defaults, mode, today }: { placements: { traineePlacementId: string; name: string }[]; defaults?: Partial<EntryFormValues>; mode: Mode; today: string }) {
  // Either schema checks the form's values (the category is any text until checked; a new entry's note may be left out).
  const schema: z.ZodType<z.output<typeof entryInput>, Omit<EntryFormValues, "note"> & { note?: string }> = mode.kind === "correct" ? correctionInput.omit({ correctsId: true }) : entryInput;
  const { form, onSubmit, message } = useActionForm({
    schema,
    defaultValues: { traineePlacementId: placements[0]?.traineePlacementId ?? "", occurredOn: today, duration: "", category: "", note: "", ...defaults },
    // The schema turns the duration into minutes; the form keeps what was typed and the server parses it again.
    rawValues: true,
    action: (values) =>
      mode.kind === "create"
        ? createEntryAction(values)
        : mode.kind === "edit"
          ? updateEntryAction({ ...values, id: mode.id, version: mode.version })
          : correctEntryAction({ ...values, correctsId: mode.correctsId }),
    onSuccess: (_d, values, f) => {
      if (mode.kind === "create") f.reset({ ...values, duration: "", note: "" });
      return SUCCESS[mode.kind];
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const id = mode.kind === "create" ? "new" : mode.kind === "edit" ? `edit-${mode.id}` : `correct-${mode.correctsId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={mode.kind === "create" ? "Add an entry" : mode.kind === "edit" ? "Edit this entry" : "Correct this entry"}>
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-placement`} className="block text-sm font-medium text-stone-800">Placement</label>
          <select id={`${id}-placement`} className={selectClass} aria-invalid={errors.traineePlacementId ? true : undefined} aria-describedby={errors.traineePlacementId ? `${id}-placement-error` : undefined} {...register("traineePlacementId")}>
            {placements.map((p) => (
              <option key={p.traineePlacementId} value={p.traineePlacementId}>{p.name}</option>
            ))}
          </select>
          <FieldMessage id={`${id}-placement`} error={errors.traineePlacementId?.message} />
        </div>
        <TextField id={`${id}-date`} label="Date" type="date" max={today} {...register("occurredOn")} error={errors.occurredOn?.message} />
        <TextField id={`${id}-duration`} label="Duration" hint="Hours and minutes, e.g. 1:30 or 1.5" inputMode="decimal" autoComplete="off" {...register("duration")} error={errors.duration?.message} />
        <div>
          <label htmlFor={`${id}-category`} className="block text-sm font-medium text-stone-800">Category</label>
          <select id={`${id}-category`} className={selectClass} aria-invalid={errors.category ? true : undefined} aria-describedby={`${id}-category-hint${errors.category ? ` ${id}-category-error` : ""}`} {...register("category")}>
            <option value="">Choose a category…</option>
            {FAMILIES.map((f) => (
              <optgroup key={f} label={FAMILY_LABELS[f]}>
                {CATEGORIES.filter((c) => c.family === f).map((c) => (
                  <option key={c.code} value={c.code}>{c.label}</option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id={`${id}-category-hint`} className="mt-0.5 text-sm text-stone-600">Role-plays between students are skills practice: most bodies don&apos;t count them as direct client contact.</p>
          <FieldMessage id={`${id}-category`} error={errors.category?.message} />
        </div>
      </div>
      <TextField
        id={`${id}-note`}
        label={mode.kind === "correct" ? "What was wrong with the approved entry" : "Note (optional)"}
        hint="Never a client's name or details."
        maxLength={200}
        {...register("note")}
        error={errors.note?.message}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : mode.kind === "create" ? "Save as draft" : mode.kind === "edit" ? "Save changes" : "Save correction"}
      </Button>
    </form>
  );
}
