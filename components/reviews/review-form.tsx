"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { decideReviewAction } from "@/lib/cases/actions/reviews";
import type { ActionResult } from "@/lib/core/action-result";
import { RadioGroup, RatingHelp } from "@/components/cases/case-form-sections";
import { EntryText, RatingsCaveat } from "@/components/cases/conditions-display";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldMessage, TextArea, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { CONDITIONS, labelOf, PRECONDITION_CODES, RATINGS, THERAPIST_CONDITION_CODES, type PreconditionCode, type TherapistConditionCode } from "@/lib/cases/codes";
import { PRECONDITION_NOTE, readReview, readSelfAssessment, type ConditionEntry } from "@/lib/cases/conditions";
import { LIMITS, reviewDecisionInput } from "@/lib/cases/schemas";

type Rated = { rate: boolean; rating: string; evidence: string; quote: string };
type Values = {
  /** What is reviewed: a case at a version, or a calibration round's reference case. */
  caseId?: string;
  version?: number;
  roundId?: string;
  decision: string;
  whatToChange: string;
  identifiersChecked: boolean;
  ratings: Record<PreconditionCode, { note: string }> & Record<TherapistConditionCode, Rated>;
  /** Only carries the "rate at least one" error. */
  rated?: string;
};

/** The text selected inside the case narrative, if any. */
function selectedNarrative(): string {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode) return "";
  const el = sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement;
  return el?.closest("[data-narrative]") ? sel.toString().trim() : "";
}

/** The supervisor's previous review of this case (either stored shape), to start a re-review from (editable). */
export type PreviousReview = { ratings: unknown; whatToChange: string | null };

const defOf = (code: string) => CONDITIONS.find((c) => c.code === code)!;

/** A real case's review: decides the case, then back to where the supervisor came from. */
export function ReviewForm({
  caseId,
  version,
  returnTo = "/reviews",
  ...rest
}: {
  caseId: string;
  version: number;
  /** The reviewed version's selfAssessment, as stored. */
  self: unknown;
  selfVersion?: string;
  previous?: PreviousReview | null;
  returnTo?: "/reviews" | "/caseload";
}) {
  const router = useRouter();
  return (
    <ReviewChecklistForm
      {...rest}
      target={{ caseId, version }}
      schema={reviewDecisionInput}
      submit={decideReviewAction}
      onSaved={(decision) => {
        // Back to where the supervisor came from, with a confirmation there.
        router.push(`${returnTo}?reviewed=${decision === "signed_off" ? "signed_off" : "changes_requested"}`);
        router.refresh();
      }}
    />
  );
}

export type ReviewDecisionOption = { code: "changes_requested" | "signed_off"; label: string };
const DECISIONS: ReviewDecisionOption[] = [
  { code: "changes_requested", label: "Request changes: the trainee revises and resubmits" },
  { code: "signed_off", label: "Sign off: the case becomes read-only" },
];

/**
 * The supervisor's review (code lists 2026.2): notes on conditions 1 and 2; a rating with evidence
 * for each condition the trainee chose (shown first, always rated) and for any other the
 * supervisor ticks. A case submitted with the earlier six-rating checklist has no chosen ones: the
 * supervisor rates at least one of conditions 3 to 6. One form for real cases and for calibration
 * rounds (components/calibration): `target`, `schema` and `submit` say what is reviewed and where
 * the review goes; the fields and their rules are the same (lib/cases/schemas.ts reviewFields).
 */
export function ReviewChecklistForm({
  target,
  schema,
  submit,
  onSaved,
  self: rawSelf,
  selfVersion,
  previous,
  decisions = DECISIONS,
  decisionHint,
  whatToChangeHint = "Needed when requesting changes: the trainee sees this.",
  submitLabel = "Record review",
}: {
  target: { caseId: string; version: number } | { roundId: string };
  schema: z.ZodType;
  submit: (values: Values) => Promise<ActionResult<unknown>>;
  onSaved: (decision: string) => void;
  self: unknown;
  selfVersion?: string;
  previous?: PreviousReview | null;
  decisions?: ReviewDecisionOption[];
  decisionHint?: string;
  whatToChangeHint?: string;
  submitLabel?: string;
}) {
  const self = readSelfAssessment(rawSelf, selfVersion);
  const prev = previous ? readReview(previous.ratings) : null;
  const [formError, setFormError] = useState<string | null>(null);
  // Shown once the server has flagged details in the feedback that may identify someone.
  const [flagged, setFlagged] = useState(false);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<Values>({
    // raw: the action parses the form's own values again (the schema keeps only rated entries).
    resolver: schemaResolver<Values>(schema),
    defaultValues: {
      ...target,
      decision: "",
      whatToChange: previous?.whatToChange ?? "",
      identifiersChecked: false,
      ratings: {
        ...Object.fromEntries(PRECONDITION_CODES.map((c) => [c, { note: prev?.entries[c]?.note ?? prev?.entries[c]?.evidence ?? "" }])),
        ...Object.fromEntries(
          THERAPIST_CONDITION_CODES.map((c) => {
            const p = prev?.entries[c];
            return [c, { rate: self.chosen.includes(c) || Boolean(p?.rating), rating: p?.rating ?? "", evidence: p?.evidence ?? "", quote: p?.quote?.text ?? "" }];
          }),
        ),
      } as Values["ratings"],
    },
  });
  const watched = useWatch({ control, name: "ratings" });
  const decision = useWatch({ control, name: "decision" });
  const err = formState.errors;
  const others = THERAPIST_CONDITION_CODES.filter((c) => !self.chosen.includes(c));

  const onSubmit = handleSubmit(
    async (v) => {
      setFormError(null);
      const res = await submit(v);
      if (!res.ok) {
        if (res.fieldErrors?.identifiersChecked) setFlagged(true);
        return setFormError(applyServerErrors(res, setError) ?? res.error);
      }
      onSaved(v.decision);
    },
    () => setFormError("Some answers are missing. Each one is marked in the form with what to do."),
  );

  const traineeSaid = (code: string) => (
    <div className="text-sm">
      <span className="font-medium">{self.entries[code as keyof typeof self.entries]?.note ? "Trainee's note:" : "Trainee's self-rating:"}</span>{" "}
      <EntryText entry={self.entries[code as keyof typeof self.entries]} version={selfVersion} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <RatingsCaveat />
      <h3 className="font-semibold">Conditions 1 and 2: the client and the meeting</h3>
      <p className="text-sm text-stone-700">{PRECONDITION_NOTE}</p>
      {PRECONDITION_CODES.map((c) => (
        <fieldset key={c} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`condition-${c}`}>
          <legend className="px-1 font-semibold text-stone-900">{defOf(c).label}</legend>
          {traineeSaid(c)}
          <TextArea
            label="What you noticed (optional)"
            hint="Describe, don't grade: add what the trainee's note misses, or leave it empty."
            rows={2}
            maxLength={LIMITS.note}
            {...register(`ratings.${c}.note`)}
            error={err.ratings?.[c]?.note?.message}
          />
        </fieldset>
      ))}
      <h3 className="font-semibold">{self.shape === "six_rated" ? "Conditions 3 to 6" : "Conditions the trainee chose as most in play"}</h3>
      {self.shape === "six_rated" ? (
        <p className="text-sm text-stone-700">This case was written with the earlier checklist, which rated all six conditions. Rate at least one of conditions 3 to 6.</p>
      ) : null}
      <RatingHelp />
      {self.chosen.map((c) => (
        <fieldset key={c} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`condition-${c}`} data-rating-open="true">
          <legend className="px-1 font-semibold text-stone-900">{defOf(c).label}</legend>
          {traineeSaid(c)}
          <RatingControls code={c} self={self.entries[c]} theirs={watched?.[c]?.rating} register={register} errors={err} setQuote={(t) => setValue(`ratings.${c}.quote`, t, { shouldDirty: true })} />
        </fieldset>
      ))}
      {others.length ? (
        <section aria-labelledby={self.shape === "notes_and_chosen" ? "other-conditions" : undefined} className="space-y-3">
          {self.shape === "notes_and_chosen" ? (
            <>
              <h3 id="other-conditions" className="font-semibold">
                Other conditions (optional)
              </h3>
              <p className="text-sm text-stone-700">Tick any other condition you want to rate for this rupture.</p>
            </>
          ) : null}
          {others.map((c) => {
            const open = Boolean(watched?.[c]?.rate);
            return (
              <fieldset key={c} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`condition-${c}`} data-rating-open={open ? "true" : undefined}>
                <legend className="px-1 font-semibold text-stone-900">{defOf(c).label}</legend>
                {self.shape === "six_rated" ? traineeSaid(c) : null}
                <Checkbox label="Rate this condition" {...register(`ratings.${c}.rate`)} />
                {open ? <RatingControls code={c} self={self.entries[c]} theirs={watched?.[c]?.rating} register={register} errors={err} setQuote={(t) => setValue(`ratings.${c}.quote`, t, { shouldDirty: true })} /> : null}
              </fieldset>
            );
          })}
        </section>
      ) : null}
      <FieldMessage id="rated" error={err.rated?.message} />
      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">Decision</legend>
        <RadioGroup legend="What happens next" name="decision" options={decisions} hint={decisionHint} register={register} error={err.decision?.message} />
        <TextArea
          label="What to change"
          hint={decision === "signed_off" ? "Not needed when signing off." : whatToChangeHint}
          rows={4}
          maxLength={LIMITS.whatToChange}
          {...register("whatToChange")}
          error={err.whatToChange?.message}
        />
      </fieldset>
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={err.identifiersChecked?.message} /> : null}
      {formError ? (
        <Alert tone="error" live>
          {formError}
        </Alert>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving your review…" : submitLabel}
      </Button>
    </form>
  );
}

/** A rating, its evidence and an optional quote, with the difference from the trainee's rating marked. */
function RatingControls(props: {
  code: TherapistConditionCode;
  self?: ConditionEntry;
  theirs?: string;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  setQuote: (text: string) => void;
}) {
  const { code: c, register } = props;
  const [quoteHint, setQuoteHint] = useState<string | null>(null);
  const e = props.errors.ratings?.[c];
  const differs = Boolean(props.self?.rating && props.theirs && props.self.rating !== props.theirs);
  return (
    <>
      <RadioGroup legend="Your rating" name={`ratings.${c}.rating`} inline options={RATINGS} register={register} error={e?.rating?.message} />
      <p aria-live="polite" className="min-h-5 text-sm font-semibold text-amber-900">
        {differs ? `Differs from the trainee's self-rating (${labelOf("rating", props.self?.rating)}).` : ""}
      </p>
      <TextArea label="Evidence" hint="Required for each condition you rate, as it is for the trainee: what in the session shows this." rows={2} maxLength={LIMITS.evidence} {...register(`ratings.${c}.evidence`)} error={e?.evidence?.message} />
      <TextField
        label="Quoted passage (optional)"
        hint={quoteHint ?? "Select words in the case narrative, then press “Use selected text”; or paste them."}
        maxLength={LIMITS.quote}
        {...register(`ratings.${c}.quote`)}
        error={e?.quote?.message}
      />
      <Button
        variant="secondary"
        onMouseDown={(ev) => ev.preventDefault()}
        onClick={() => {
          const text = selectedNarrative();
          if (text) props.setQuote(text);
          setQuoteHint(text ? "Quoted from your selection." : "Select some words in the case narrative first.");
        }}
      >
        Use selected text
      </Button>
    </>
  );
}
