"use client";

import { useId } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { FieldMessage } from "@/components/ui/field";
import { CONDITIONS, labelOf, PRECONDITION_CODES, RATINGS, THERAPIST_CONDITION_CODES } from "@/lib/cases/codes";
import { MAX_CHOSEN, PRECONDITION_HINTS, PRECONDITION_NOTE, readReview } from "@/lib/cases/conditions";
import type { Finding } from "@/lib/cases/identifiers";
import type { FieldFindings } from "@/lib/cases/identifier-check";
import { LIMITS } from "@/lib/cases/schemas";
import { RadioGroup, RatingHelp } from "./case-form-sections";
import { RatingsCaveat } from "./conditions-display";
import type { CaseFormValues } from "./form-values";
import { ScannedTextArea } from "./scanned-textarea";

const defOf = (code: string) => CONDITIONS.find((c) => c.code === code)!;

const EVIDENCE_HINT: Record<string, string> = {
  c3_congruence: "What you said or did, and what you felt, that shows whether you were genuine in the relationship.",
  c4_upr: "This is your inner experiencing, judged by inference: note what you felt towards the client and what showed it.",
  c5_empathy: "This is your inner experiencing, judged by inference: note how you understood the client and how you tried to convey it.",
  c6_perceived: "What the client said or did that suggests they felt understood and accepted, or not.",
};

/**
 * The self-assessment (code lists 2026.2): notes on conditions 1 and 2; then the one to three of
 * conditions 3 to 6 most in play, rated with evidence. While the trainee revises, the supervisor's
 * note or rating is shown beside each condition.
 */
export function SelfAssessmentFields(props: {
  register: UseFormRegister<CaseFormValues>;
  values: CaseFormValues["selfAssessment"] | undefined;
  errors: FieldErrors<CaseFormValues>;
  findings: FieldFindings;
  onDismiss: (field: string, f: Finding, reason: string) => Promise<string | null>;
  review?: { reviewerName: string; ratings: unknown } | null;
  startedWithSixRatings?: boolean;
}) {
  const id = useId();
  const { register, values } = props;
  const err = props.errors.selfAssessment;
  const chosen = THERAPIST_CONDITION_CODES.filter((c) => values?.chosen?.includes(c));
  const review = props.review ? readReview(props.review.ratings) : null;
  const who = props.review?.reviewerName ?? "";
  const chosenError = err?.chosen?.message ?? err?.chosen?.root?.message;
  const supervisorSaid = (code: string, kind: "note" | "rating") => {
    const e = review?.entries[code as keyof typeof review.entries];
    if (!e) return null;
    return (
      <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-2 text-sm">
        {e.note ? (
          <>
            <span className="font-medium">{who}&apos;s note:</span> {e.note}
          </>
        ) : (
          <>
            <span className="font-medium">{who}&apos;s {kind === "note" ? "earlier rating" : "rating"}:</span> {labelOf("rating", e.rating)}
            {e.evidence ? <> · {e.evidence}</> : null}
          </>
        )}
      </p>
    );
  };
  const alsoRated = (review?.chosen ?? []).filter((c) => !chosen.includes(c));

  return (
    <div className="space-y-4">
      <RatingsCaveat />
      {props.startedWithSixRatings ? (
        <Alert tone="info" title="This draft began with the earlier checklist">
          It rated all six conditions. What you wrote is kept: your notes on conditions 1 and 2 are below, and each of conditions 3 to 6 you wrote about is still
          ticked. Keep the one to three most in play in this rupture before you submit.
        </Alert>
      ) : null}
      <h3 className="font-semibold text-stone-900">Conditions 1 and 2: the client and the meeting</h3>
      <p className="text-sm text-stone-700">{PRECONDITION_NOTE}</p>
      {PRECONDITION_CODES.map((code) => {
        const field = `selfAssessment.${code}.note` as const;
        return (
          <fieldset key={code} className="space-y-2 border-t border-stone-200 pt-3">
            <legend className="pt-3 font-medium text-stone-900">{defOf(code).label}</legend>
            {supervisorSaid(code, "note")}
            <ScannedTextArea
              label="What you noticed"
              hint={PRECONDITION_HINTS[code]}
              value={values?.[code]?.note ?? ""}
              findings={props.findings[field] ?? []}
              registration={register(field)}
              maxLength={LIMITS.note}
              rows={3}
              error={err?.[code]?.note?.message ?? err?.[code]?.message}
              onDismiss={(f, r) => props.onDismiss(field, f, r)}
            />
          </fieldset>
        );
      })}
      <h3 className="border-t border-stone-200 pt-4 font-semibold text-stone-900">Conditions 3 to 6: your part</h3>
      <fieldset aria-describedby={[`${id}-hint`, chosenError ? `${id}-error` : ""].join(" ").trim()}>
        <legend className="text-sm font-medium text-stone-800">Conditions most in play in this rupture</legend>
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          Choose one to {MAX_CHOSEN === 3 ? "three" : MAX_CHOSEN}, and rate only those. Your supervisor rates the same ones and may add others.
        </p>
        {THERAPIST_CONDITION_CODES.map((code) => (
          <label key={code} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" value={code} className="h-5 w-5 shrink-0" aria-invalid={chosenError ? true : undefined} {...register("selfAssessment.chosen")} />
            {defOf(code).label}
          </label>
        ))}
        <FieldMessage id={id} error={chosenError} />
      </fieldset>
      {alsoRated.length ? (
        <div className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-2 text-sm">
          <p className="font-medium">{who} also rated:</p>
          <ul className="list-disc pl-5">
            {alsoRated.map((c) => (
              <li key={c}>
                {defOf(c).short}: {labelOf("rating", review?.entries[c]?.rating)}
                {review?.entries[c]?.evidence ? <> · {review.entries[c]!.evidence}</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {chosen.length ? <RatingHelp /> : null}
      {chosen.map((code) => {
        const field = `selfAssessment.${code}.evidence` as const;
        return (
          <fieldset key={code} className="space-y-2 border-t border-stone-200 pt-3">
            <legend className="pt-3 font-medium text-stone-900">{defOf(code).label}</legend>
            {supervisorSaid(code, "rating")}
            <RadioGroup legend="Your rating" name={`selfAssessment.${code}.rating`} inline options={RATINGS} register={register} error={err?.[code]?.rating?.message} />
            <ScannedTextArea
              label="Evidence"
              hint={EVIDENCE_HINT[code]}
              value={values?.[code]?.evidence ?? ""}
              findings={props.findings[field] ?? []}
              registration={register(field)}
              maxLength={LIMITS.evidence}
              rows={3}
              error={err?.[code]?.evidence?.message}
              onDismiss={(f, r) => props.onDismiss(field, f, r)}
            />
          </fieldset>
        );
      })}
    </div>
  );
}
