"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type Resolver, type UseFormRegister } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextArea, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { createFormAction, saveFormAction } from "@/lib/evaluations/actions/forms";
import { FORM_LIMITS, newCode, type FormDefinition } from "@/lib/evaluations/definition";
import { createFormInput } from "@/lib/evaluations/schemas";
import { schemaResolver } from "@/components/ui/schema-resolver";

// The form builder: domains of competencies, a scale anchored in words (with optional wording per
// competency), comments on or off, and the overall recommendation's options. Internal codes are
// made here for new items and kept for existing ones, so reports follow a competency over time.

type Values = { name: string; definition: FormDefinition };
type Reg = UseFormRegister<Values>;

/** Anchors beyond the scale's points (after points were removed) are dropped before validation. */
function tidy(v: Values): Values {
  const n = v.definition.scale.points.length;
  return {
    ...v,
    definition: {
      ...v.definition,
      domains: v.definition.domains.map((d) => ({ ...d, competencies: d.competencies.map((c) => ({ ...c, anchors: (c.anchors ?? []).slice(0, n) })) })),
    },
  };
}

// The form's own values go to the action, which parses them again (schemaResolver keeps them as they are).
const baseResolver = schemaResolver<Values>(createFormInput);
const resolver: Resolver<Values> = (values, ctx, opts) => baseResolver(tidy(values), ctx, opts);

function MoveButtons({ index, count, move, what }: { index: number; count: number; move: (from: number, to: number) => void; what: string }) {
  return (
    <>
      <Button variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move ${what} up`}>
        Up
      </Button>
      <Button variant="ghost" disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={`Move ${what} down`}>
        Down
      </Button>
    </>
  );
}

function Competencies({ d, control, register, errors }: { d: number; control: Control<Values>; register: Reg; errors: FieldErrors<Values> }) {
  const { fields, append, remove, move } = useFieldArray({ control, name: `definition.domains.${d}.competencies` });
  const points = useWatch({ control, name: "definition.scale.points" });
  const titles = useWatch({ control, name: `definition.domains.${d}.competencies` });
  const errs = errors.definition?.domains?.[d]?.competencies;
  return (
    <div className="space-y-3">
      {fields.map((f, j) => {
        const label = titles?.[j]?.title?.trim() || `competency ${j + 1}`;
        return (
          <fieldset key={f.id} className="space-y-3 rounded-md border border-stone-200 p-3" data-testid="builder-competency">
            <legend className="px-1 text-sm font-semibold">Competency {j + 1}</legend>
            <TextField label="Competency" maxLength={FORM_LIMITS.competencyTitle} {...register(`definition.domains.${d}.competencies.${j}.title`)} error={errs?.[j]?.title?.message} />
            <TextArea
              label="What it looks like (optional)"
              rows={2}
              maxLength={FORM_LIMITS.competencyDescription}
              {...register(`definition.domains.${d}.competencies.${j}.description`)}
              error={errs?.[j]?.description?.message}
            />
            <details>
              <summary className="cursor-pointer text-sm font-medium">Wording for each point of this competency (optional)</summary>
              <p className="mt-1 text-sm text-stone-700">Leave a point empty to use the scale&apos;s general wording. Instruments with item-specific anchors go here.</p>
              <div className="mt-2 space-y-2">
                {(points ?? []).map((p, k) => (
                  <TextField
                    key={k}
                    label={`Point ${p?.value ?? k + 1}${p?.label ? ` (${p.label})` : ""}`}
                    maxLength={FORM_LIMITS.anchor}
                    {...register(`definition.domains.${d}.competencies.${j}.anchors.${k}`)}
                    error={errs?.[j]?.anchors?.[k]?.message}
                  />
                ))}
                <FieldMessage id={`anchors-${f.id}`} error={errs?.[j]?.anchors?.message} />
              </div>
            </details>
            <div className="flex flex-wrap gap-2">
              <MoveButtons index={j} count={fields.length} move={move} what={label} />
              <Button variant="ghost" disabled={fields.length === 1} onClick={() => remove(j)} aria-label={`Remove ${label}`}>
                Remove
              </Button>
            </div>
          </fieldset>
        );
      })}
      <FieldMessage id={`competencies-${d}`} error={errs?.message ?? errs?.root?.message} />
      <Button variant="secondary" disabled={fields.length >= FORM_LIMITS.competencies} onClick={() => append({ code: newCode("c"), title: "", description: "", anchors: [] })}>
        Add a competency<span className="sr-only"> to domain {d + 1}</span>
      </Button>
    </div>
  );
}

export function FormBuilder({ form, initial }: { form?: { id: string; version: number; name: string; definition: FormDefinition; currentInUse: boolean; currentVersion: number }; initial?: FormDefinition }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [rowVersion, setRowVersion] = useState(form?.version ?? 0);
  const [inUse, setInUse] = useState(form?.currentInUse ?? false);
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver,
    defaultValues: { name: form?.name ?? "", definition: form?.definition ?? initial },
  });
  const points = useFieldArray({ control, name: "definition.scale.points" });
  const domains = useFieldArray({ control, name: "definition.domains" });
  const options = useFieldArray({ control, name: "definition.recommendation.options" });
  const domainTitles = useWatch({ control, name: "definition.domains" });
  const notObserved = useWatch({ control, name: "definition.scale.notObserved.allowed" });
  const e = errors.definition;

  const onSubmit = handleSubmit(
    async (raw) => {
      setMessage(null);
      const values = tidy(raw);
      if (!form) {
        const r = await createFormAction(values);
        if (!r.ok) return setMessage({ tone: "error", text: applyServerErrors(r, setError) ?? r.error });
        router.push(`/evaluations/forms/${r.data.id}?saved=created`);
        return;
      }
      const r = await saveFormAction({ formId: form.id, version: rowVersion, ...values });
      if (!r.ok) return setMessage({ tone: "error", text: applyServerErrors(r, setError) ?? r.error });
      setRowVersion(r.data.formVersion);
      if (r.data.newVersion) setInUse(false);
      setMessage({
        tone: "success",
        text: !r.data.changed
          ? "Nothing had changed, so nothing was saved."
          : r.data.newVersion
            ? `Saved as version ${r.data.versionNumber}. Rounds already opened keep the version they started with; new rounds use version ${r.data.versionNumber}.`
            : `Saved. Version ${r.data.versionNumber} is updated.`,
      });
      router.refresh();
    },
    () => setMessage({ tone: "error", text: "Some parts of the form need attention. Each one is marked with what to do; nothing was saved." }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      {form && inUse ? (
        <Alert tone="info" title={`Version ${form.currentVersion} is in use`}>
          A round has used this version, so saving changes creates a new version. Evaluations already started or signed keep the wording they were given.
        </Alert>
      ) : null}
      <section aria-labelledby="b-about" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="b-about" className="text-lg font-semibold">
          About the form
        </h2>
        <TextField label="Form name" maxLength={FORM_LIMITS.name} {...register("name")} error={errors.name?.message} />
        <TextArea label="Instructions for raters (optional)" rows={3} maxLength={FORM_LIMITS.intro} {...register("definition.intro")} error={e?.intro?.message} />
        <Checkbox label="Offer an optional comment on each competency" {...register("definition.comments")} />
      </section>

      <section aria-labelledby="b-scale" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="b-scale" className="text-lg font-semibold">
          Rating scale
        </h2>
        <p className="text-sm text-stone-700">Anchor every point in words. Numbers go from lowest to highest; an instrument that starts at 0 can.</p>
        {points.fields.map((f, i) => (
          <fieldset key={f.id} className="grid gap-3 rounded-md border border-stone-200 p-3 md:grid-cols-[8rem_1fr]" data-testid="builder-point">
            <legend className="px-1 text-sm font-semibold">Point {i + 1}</legend>
            <TextField label="Number" type="number" inputMode="numeric" {...register(`definition.scale.points.${i}.value`)} error={e?.scale?.points?.[i]?.value?.message} />
            <TextField label="Label" maxLength={FORM_LIMITS.pointLabel} {...register(`definition.scale.points.${i}.label`)} error={e?.scale?.points?.[i]?.label?.message} />
            <div className="md:col-span-2">
              <TextArea label="What this point means" rows={2} maxLength={FORM_LIMITS.pointDescription} {...register(`definition.scale.points.${i}.description`)} error={e?.scale?.points?.[i]?.description?.message} />
            </div>
            <div className="md:col-span-2">
              <Button variant="ghost" disabled={points.fields.length <= FORM_LIMITS.points.min} onClick={() => points.remove(i)} aria-label={`Remove point ${i + 1}`}>
                Remove
              </Button>
            </div>
          </fieldset>
        ))}
        <FieldMessage id="points" error={e?.scale?.points?.message ?? e?.scale?.points?.root?.message} />
        <Button
          variant="secondary"
          disabled={points.fields.length >= FORM_LIMITS.points.max}
          onClick={() => points.append({ value: (points.fields.length ? Number(points.fields[points.fields.length - 1].value) : 0) + 1, label: "", description: "" })}
        >
          Add a point
        </Button>
        <div className="space-y-3 rounded-md border border-stone-200 p-3">
          <Checkbox label="Offer a “not observed” choice" {...register("definition.scale.notObserved.allowed")} />
          {notObserved ? (
            <>
              <TextField label="Its label" maxLength={FORM_LIMITS.pointLabel} {...register("definition.scale.notObserved.label")} error={e?.scale?.notObserved?.label?.message} />
              <TextField label="What it means (optional)" maxLength={FORM_LIMITS.pointDescription} {...register("definition.scale.notObserved.description")} error={e?.scale?.notObserved?.description?.message} />
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="b-domains" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="b-domains" className="text-lg font-semibold">
          Domains and competencies
        </h2>
        {domains.fields.map((f, i) => {
          const label = domainTitles?.[i]?.title?.trim() || `domain ${i + 1}`;
          return (
            <fieldset key={f.id} className="space-y-3 rounded-md border border-stone-300 p-4" data-testid="builder-domain">
              <legend className="px-1 font-semibold">Domain {i + 1}</legend>
              <TextField label="Domain" maxLength={FORM_LIMITS.domainTitle} {...register(`definition.domains.${i}.title`)} error={e?.domains?.[i]?.title?.message} />
              <Competencies d={i} control={control} register={register} errors={errors} />
              <div className="flex flex-wrap gap-2 border-t border-stone-200 pt-3">
                <MoveButtons index={i} count={domains.fields.length} move={domains.move} what={label} />
                <Button variant="ghost" disabled={domains.fields.length === 1} onClick={() => domains.remove(i)} aria-label={`Remove domain: ${label}, with its competencies`}>
                  Remove domain
                </Button>
              </div>
            </fieldset>
          );
        })}
        <FieldMessage id="domains" error={e?.domains?.message ?? e?.domains?.root?.message} />
        <Button
          variant="secondary"
          disabled={domains.fields.length >= FORM_LIMITS.domains}
          onClick={() => domains.append({ code: newCode("d"), title: "", competencies: [{ code: newCode("c"), title: "", description: "", anchors: [] }] })}
        >
          Add a domain
        </Button>
      </section>

      <section aria-labelledby="b-rec" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="b-rec" className="text-lg font-semibold">
          Overall recommendation
        </h2>
        <TextField label="Question" maxLength={FORM_LIMITS.question} {...register("definition.recommendation.question")} error={e?.recommendation?.question?.message} />
        {options.fields.map((f, i) => (
          <div key={f.id} className="flex flex-wrap items-end gap-2">
            <div className="min-w-64 flex-1">
              <TextField label={`Option ${i + 1}`} maxLength={FORM_LIMITS.optionLabel} {...register(`definition.recommendation.options.${i}.label`)} error={e?.recommendation?.options?.[i]?.label?.message} />
            </div>
            <Button variant="ghost" disabled={options.fields.length <= FORM_LIMITS.options.min} onClick={() => options.remove(i)} aria-label={`Remove option ${i + 1}`}>
              Remove
            </Button>
          </div>
        ))}
        <FieldMessage id="options" error={e?.recommendation?.options?.message ?? e?.recommendation?.options?.root?.message} />
        <Button variant="secondary" disabled={options.fields.length >= FORM_LIMITS.options.max} onClick={() => options.append({ code: newCode("r"), label: "" })}>
          Add an option
        </Button>
      </section>

      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : form ? "Save changes" : "Create the form"}
      </Button>
    </form>
  );
}
