"use client";

import { useRouter } from "next/navigation";
import type { UseFormRegister, FieldErrors } from "react-hook-form";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextArea, TextField } from "@/components/ui/field";
import { SelectField } from "@/components/evaluations/select-field";
import { MARKERS, RUPTURE_TYPES, STRATEGIES } from "@/lib/cases/codes";
import { createDrillAction, saveDrillAction } from "@/lib/practice/actions/drills";
import { createDrillInput, PRACTICE_LIMITS as L, saveDrillInput, type DrillFieldsInput } from "@/lib/practice/schemas";
import type { Drill } from "@/lib/practice/types";
import { DIFFICULTY_LABELS } from "@/lib/practice/types";

// Writing one of the organisation's own drills: every field checked by the shared schema, each
// message next to its field. Saving an edit makes a new version; attempts keep the one they answered.

type Values = DrillFieldsInput & { drillId?: string; version?: number };

function defaultsOf(drill: Drill | null): Values {
  return {
    title: drill?.title ?? "",
    ruptureType: drill?.ruptureType ?? ("" as never),
    markers: drill?.markers ?? [],
    difficulty: drill ? String(drill.difficulty) : "",
    context: drill?.context ?? "",
    clientLines: drill?.clientLines.join("\n") ?? "",
    lens: drill?.lens ?? "",
    suggestedStrategies: drill?.suggestedStrategies ?? [],
    modelResponse: drill?.modelResponse ?? "",
    pitfalls: drill?.pitfalls.join("\n") ?? "",
  } as Values;
}

function Fields({ register, errors }: { register: UseFormRegister<Values>; errors: FieldErrors<Values> }) {
  return (
    <>
      <TextField label="Title" hint="A few words trainees will recognise it by." maxLength={L.title} error={errors.title?.message} {...register("title")} />
      <SelectField id="drill-type" label="Rupture type" error={errors.ruptureType?.message} {...register("ruptureType")}>
        <option value="">Choose a type…</option>
        {RUPTURE_TYPES.map((t) => (
          <option key={t.code} value={t.code}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <fieldset aria-describedby={errors.markers ? "markers-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Markers the client shows</legend>
        <p className="text-sm text-stone-600">A withdrawal drill uses withdrawal markers, a confrontation drill confrontation markers; a mixed one may use both.</p>
        <ul className="mt-2 grid gap-1 md:grid-cols-2">
          {MARKERS.map((m) => (
            <li key={m.code} className="flex items-start gap-2">
              <input type="checkbox" id={`marker-${m.code}`} value={m.code} className="mt-0.5 h-5 w-5 shrink-0" {...register("markers")} />
              <label htmlFor={`marker-${m.code}`} className="text-sm">
                {m.label} <span className="text-stone-600">({m.type})</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldMessage id="markers" error={errors.markers?.message} />
      </fieldset>
      <fieldset aria-describedby={errors.difficulty ? "difficulty-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Level</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {([1, 2, 3] as const).map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="radio" value={String(d)} className="h-5 w-5" {...register("difficulty")} /> {DIFFICULTY_LABELS[d]}
            </label>
          ))}
        </div>
        <FieldMessage id="difficulty" error={errors.difficulty?.message} />
      </fieldset>
      <TextArea label="Context" hint="Where we are in the session, in a few sentences. Made up: never a real client." rows={4} maxLength={L.context} error={errors.context?.message} {...register("context")} />
      <TextArea label="What the client says" hint={`One line each, at most ${L.clientLines} lines.`} rows={4} error={errors.clientLines?.message} {...register("clientLines")} />
      <TextField label="What to attend to (optional)" hint="The lens for this moment, e.g. the pull to explain yourself." maxLength={L.lens} error={errors.lens?.message} {...register("lens")} />
      <fieldset aria-describedby={errors.suggestedStrategies ? "strategies-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Repair strategies that fit</legend>
        <ul className="mt-2 grid gap-1 md:grid-cols-2">
          {STRATEGIES.map((s) => (
            <li key={s.code} className="flex items-start gap-2">
              <input type="checkbox" id={`fit-${s.code}`} value={s.code} className="mt-0.5 h-5 w-5 shrink-0" {...register("suggestedStrategies")} />
              <label htmlFor={`fit-${s.code}`} className="text-sm">
                {s.label}
              </label>
            </li>
          ))}
        </ul>
        <FieldMessage id="strategies" error={errors.suggestedStrategies?.message} />
      </fieldset>
      <TextArea label="Model response" hint="What a skilled counsellor might say. Trainees see it only after they respond." rows={4} maxLength={L.modelResponse} error={errors.modelResponse?.message} {...register("modelResponse")} />
      <TextArea label="Pitfalls (optional)" hint={`What tends to go wrong, one a line, at most ${L.pitfalls}.`} rows={3} error={errors.pitfalls?.message} {...register("pitfalls")} />
    </>
  );
}

export function NewDrillForm() {
  const router = useRouter();
  const { form, onSubmit, message } = useActionForm({
    schema: createDrillInput,
    defaultValues: defaultsOf(null),
    action: createDrillAction,
    rawValues: true,
    refresh: false,
    invalidMessage: "Check the highlighted fields. Nothing was saved.",
    onSuccess: (r) => {
      router.push(`/practice/manage/${r.id}?saved=created`);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <Fields register={form.register as unknown as UseFormRegister<Values>} errors={form.formState.errors as FieldErrors<Values>} />
      <FormMessage message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Saving…" : "Save the drill"}
      </Button>
    </form>
  );
}

export function EditDrillForm({ drill, version }: { drill: Drill; version: number }) {
  const { form, onSubmit, message } = useActionForm({
    schema: saveDrillInput,
    defaultValues: { ...defaultsOf(drill), drillId: drill.key, version } as never,
    action: saveDrillAction,
    rawValues: true,
    invalidMessage: "Check the highlighted fields. Nothing was saved.",
    onSuccess: (r, _v, f) => {
      f.setValue("version" as never, r.version as never);
      return r.changed ? `Saved as version ${r.versionNumber}. Earlier responses keep the version they answered.` : "Nothing had changed, so no new version was made.";
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <Fields register={form.register as unknown as UseFormRegister<Values>} errors={form.formState.errors as FieldErrors<Values>} />
      <FormMessage message={message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
