"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { decideReviewAction } from "@/app/(app)/reviews/actions";
import { RadioGroup } from "@/components/cases/case-form-sections";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { IdentifiersCheck } from "./identifiers-check";
import { CONDITIONS, labelOf, RATINGS, type ConditionCode } from "@/lib/cases/codes";
import { LIMITS, reviewDecisionInput } from "@/lib/cases/schemas";

type Values = {
  caseId: string;
  version: number;
  decision: string;
  whatToChange: string;
  identifiersChecked: boolean;
  ratings: Record<ConditionCode, { rating: string; evidence: string; quote: string }>;
};
type Self = Partial<Record<ConditionCode, { rating?: string; evidence?: string }>> | undefined;

/** The text selected inside the case narrative, if any. */
function selectedNarrative(): string {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode) return "";
  const el = sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement;
  return el?.closest("[data-narrative]") ? sel.toString().trim() : "";
}

/** The supervisor's previous review of this case, to start a re-review from (editable). */
export type PreviousReview = { ratings: Record<string, { rating?: string; evidence?: string; quote?: { text: string } | null }>; whatToChange: string | null };

export function ReviewForm({ caseId, version, self, previous, returnTo = "/reviews" }: { caseId: string; version: number; self: Self; previous?: PreviousReview | null; returnTo?: "/reviews" | "/caseload" }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [quoteHint, setQuoteHint] = useState<Partial<Record<ConditionCode, string>>>({});
  // Shown once the server has flagged details in the feedback that may identify someone.
  const [flagged, setFlagged] = useState(false);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: zodResolver(reviewDecisionInput as never) as unknown as Resolver<Values>,
    defaultValues: {
      caseId,
      version,
      decision: "",
      whatToChange: previous?.whatToChange ?? "",
      identifiersChecked: false,
      ratings: Object.fromEntries(
        CONDITIONS.map((c) => {
          const p = previous?.ratings?.[c.code];
          return [c.code, { rating: p?.rating ?? "", evidence: p?.evidence ?? "", quote: p?.quote?.text ?? "" }];
        }),
      ) as Values["ratings"],
    },
  });
  const watched = useWatch({ control, name: "ratings" });
  const decision = useWatch({ control, name: "decision" });
  const err = formState.errors;

  const onSubmit = handleSubmit(
    async (v) => {
      setFormError(null);
      const res = await decideReviewAction(v);
      if (!res.ok) {
        if (res.fieldErrors?.identifiersChecked) setFlagged(true);
        return setFormError(applyServerErrors(res, setError) ?? res.error);
      }
      // Back to where the supervisor came from, with a confirmation there.
      router.push(`${returnTo}?reviewed=${v.decision === "signed_off" ? "signed_off" : "changes_requested"}`);
      router.refresh();
    },
    () => setFormError("Some answers are missing. Each one is marked in the form with what to do."),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {CONDITIONS.map((c) => {
        const mine = self?.[c.code];
        const theirs = watched?.[c.code]?.rating;
        const differs = Boolean(mine?.rating && theirs && mine.rating !== theirs);
        return (
          <fieldset key={c.code} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid={`condition-${c.code}`}>
            <legend className="px-1 font-semibold text-stone-900">{c.label}</legend>
            <p className="text-sm">
              <span className="font-medium">Trainee&apos;s self-rating:</span> {labelOf("rating", mine?.rating)}
              {mine?.evidence ? <span className="block whitespace-pre-wrap text-stone-800">{mine.evidence}</span> : null}
            </p>
            <RadioGroup legend="Your rating" name={`ratings.${c.code}.rating`} inline options={RATINGS} register={register as never} error={err.ratings?.[c.code]?.rating?.message} />
            <p aria-live="polite" className="min-h-5 text-sm font-semibold text-amber-900">
              {differs ? `Differs from the trainee's self-rating (${labelOf("rating", mine?.rating)}).` : ""}
            </p>
            <TextArea label="Evidence" rows={2} maxLength={LIMITS.evidence} {...register(`ratings.${c.code}.evidence`)} error={err.ratings?.[c.code]?.evidence?.message} />
            <TextField
              label="Quoted passage (optional)"
              hint={quoteHint[c.code] ?? "Select words in the case narrative, then press “Use selected text”; or paste them."}
              maxLength={LIMITS.quote}
              {...register(`ratings.${c.code}.quote`)}
              error={err.ratings?.[c.code]?.quote?.message}
            />
            <Button
              variant="secondary"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const text = selectedNarrative();
                if (text) setValue(`ratings.${c.code}.quote`, text, { shouldDirty: true });
                setQuoteHint((h) => ({ ...h, [c.code]: text ? "Quoted from your selection." : "Select some words in the case narrative first." }));
              }}
            >
              Use selected text
            </Button>
          </fieldset>
        );
      })}
      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">Decision</legend>
        <RadioGroup
          legend="What happens next"
          name="decision"
          options={[
            { code: "changes_requested", label: "Request changes: the trainee revises and resubmits" },
            { code: "signed_off", label: "Sign off: the case becomes read-only" },
          ]}
          register={register as never}
          error={err.decision?.message}
        />
        <TextArea
          label="What to change"
          hint={decision === "signed_off" ? "Not needed when signing off." : "Needed when requesting changes: the trainee sees this."}
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
        {formState.isSubmitting ? "Saving your review…" : "Record review"}
      </Button>
    </form>
  );
}
