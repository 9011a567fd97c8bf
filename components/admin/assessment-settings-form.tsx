"use client";

import { useId } from "react";
import type { z } from "zod";
import { saveAssessmentOverrideAction, updateAssessmentSettingsAction } from "@/lib/modules/actions/assessment";
import { ANSWER_REVEALS, REVEAL_LABELS } from "@/lib/modules/assessment/settings";
import { assessmentOverrideInput, assessmentSettingsInput, type AssessmentSettingsInput } from "@/lib/modules/schemas";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextField } from "@/components/ui/field";

type Values = AssessmentSettingsInput & { moduleId?: string };
type Parsed = z.output<typeof assessmentSettingsInput> & { moduleId?: string };

const selectClass = "mt-1 block min-h-11 rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

/**
 * The organisation's assessment rules (mode "organisation"), or one required module's own rules
 * (mode "override": a fixed module, or a picker of required modules for a new override).
 */
export function AssessmentSettingsForm(props: {
  mode: "organisation" | "override";
  defaults: AssessmentSettingsInput;
  moduleId?: string;
  moduleChoices?: { id: string; title: string }[];
  submitLabel: string;
  /** Names the form for screen readers when a page holds several. */
  label: string;
}) {
  const uid = useId();
  // Both schemas check the same settings; the override's also checks the module.
  const schema: z.ZodType<Parsed, Values> = props.mode === "organisation" ? assessmentSettingsInput : assessmentOverrideInput;
  const { form, onSubmit, message } = useActionForm({
    schema,
    defaultValues: { ...props.defaults, ...(props.mode === "override" ? { moduleId: props.moduleId ?? "" } : {}) },
    action: (values) =>
      props.mode === "organisation" ? updateAssessmentSettingsAction(values) : saveAssessmentOverrideAction({ ...values, moduleId: props.moduleId ?? values.moduleId }),
    onSuccess: (data, _values, f) => {
      if (props.mode === "override" && !props.moduleId) f.reset({ ...props.defaults, moduleId: "" });
      else f.setValue("version", data.version);
      const issued = data.issued ? ` ${data.issued} certificate${data.issued === 1 ? " was" : "s were"} issued to people who now meet the rule.` : "";
      return `Saved. Trainees see the new rules on their next visit to a check.${issued}`;
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const id = (name: string) => `${uid}-${name}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.label}>
      <FormMessage message={message} />
      <input type="hidden" {...register("version")} />
      {props.mode === "override" && !props.moduleId ? (
        <div>
          <label htmlFor={id("module")} className="block text-sm font-medium text-stone-800">
            Required module
          </label>
          <select
            id={id("module")}
            className={`${selectClass} w-full`}
            aria-invalid={errors.moduleId ? true : undefined}
            aria-describedby={errors.moduleId ? `${id("module")}-error` : undefined}
            {...register("moduleId")}
          >
            <option value="">Choose a module…</option>
            {(props.moduleChoices ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
          <FieldMessage id={id("module")} error={errors.moduleId?.message} />
        </div>
      ) : null}
      <fieldset aria-describedby={errors.revealAnswers ? `${id("reveal")}-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">When are the correct answers and explanations shown?</legend>
        <div className="mt-1 space-y-1">
          {ANSWER_REVEALS.map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-2">
              <input type="radio" value={r} {...register("revealAnswers")} /> {REVEAL_LABELS[r]}
            </label>
          ))}
        </div>
        <FieldMessage id={id("reveal")} error={errors.revealAnswers?.message} />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Order</legend>
        <Checkbox label="Shuffle the order of the questions in each attempt" {...register("shuffleQuestions")} error={errors.shuffleQuestions?.message} />
        <Checkbox label="Shuffle the order of the options in each question" {...register("shuffleOptions")} error={errors.shuffleOptions?.message} />
      </fieldset>
      <TextField
        id={id("limit")}
        label="Attempt limit"
        hint="How many times a person may submit this check. Leave it empty for no limit."
        inputMode="numeric"
        {...register("attemptLimit")}
        error={errors.attemptLimit?.message}
      />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-48">
          <TextField id={id("wait")} label="Wait between attempts" hint="0 for no wait; at most 30 days." inputMode="numeric" {...register("waitAmount")} error={errors.waitAmount?.message} />
        </div>
        <div>
          <label htmlFor={id("unit")} className="block text-sm font-medium text-stone-800">
            Unit of the wait
          </label>
          <select id={id("unit")} className={selectClass} aria-invalid={errors.waitUnit ? true : undefined} {...register("waitUnit")}>
            <option value="minutes">minutes</option>
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
          <FieldMessage id={id("unit")} error={errors.waitUnit?.message} />
        </div>
      </div>
      <Checkbox
        label="The certificate also waits for the module's reflection, written in full (for trainees and supervisors)"
        {...register("requireReflection")}
        error={errors.requireReflection?.message}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : props.submitLabel}
      </Button>
    </form>
  );
}
