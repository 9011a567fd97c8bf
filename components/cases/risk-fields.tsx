"use client";

import { useId } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { FieldMessage, TextArea } from "@/components/ui/field";
import { RISK_ACTION_MAX, RISK_KINDS, RISK_LEVELS, RISK_TOLD, RISK_WHEN } from "@/lib/cases/risk";
import type { CaseFormValues } from "./form-values";
import { RadioGroup } from "./case-form-sections";

type Reg = UseFormRegister<CaseFormValues>;

function Checks(props: { legend: string; name: "risk.kinds" | "risk.told"; options: readonly { code: string; label: string }[]; register: Reg; error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.code} className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" value={o.code} className="h-5 w-5" {...props.register(props.name)} />
          {o.label}
        </label>
      ))}
      <FieldMessage id={id} error={props.error} />
    </fieldset>
  );
}

/** The case form's Risk section (TAXONOMY.md section 7). */
export function RiskFields({ values, register, errors, suggested }: { values: CaseFormValues["risk"]; register: Reg; errors: FieldErrors<CaseFormValues>; suggested: boolean }) {
  const e = errors.risk;
  const recorded = values.level === "disclosed" || values.level === "suspected";
  return (
    <div className="space-y-4">
      {suggested && !recorded ? (
        <Alert tone="warning" title="Some of what you wrote may describe a risk">
          The wording highlighted in the narrative suggests a possible risk to the client or someone else. If there was one, record it below. If not, choose
          &ldquo;No risk&rdquo;: your supervisor will still see the case first, so they can check with you.
        </Alert>
      ) : null}
      <RadioGroup legend="Was any risk disclosed or suspected in this session?" name="risk.level" options={RISK_LEVELS} register={register} error={e?.level?.message} />
      {recorded ? (
        <>
          <Checks legend="What kind of risk" name="risk.kinds" options={RISK_KINDS} register={register} error={e?.kinds?.message} />
          <Checks legend="Who was told" name="risk.told" options={RISK_TOLD} register={register} error={e?.told?.message} />
          {values.told.includes("nobody_yet") ? (
            <Alert tone="error" title="Tell someone now">
              Contact your supervisor or your agency&apos;s on-call service now, by phone. Don&apos;t wait for the review of this case.
            </Alert>
          ) : null}
          <RadioGroup legend="When were they told" name="risk.toldWhen" options={RISK_WHEN} register={register} error={e?.toldWhen?.message} />
          <TextArea
            label="What was done"
            hint="For example: a safety plan made with the client, your supervisor called after the session, a referral. No names or dates."
            rows={3}
            maxLength={RISK_ACTION_MAX}
            {...register("risk.actionTaken")}
            error={e?.actionTaken?.message}
          />
        </>
      ) : null}
    </div>
  );
}
