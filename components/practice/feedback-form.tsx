"use client";

import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextArea } from "@/components/ui/field";
import { STRATEGIES, STRATEGY_FAMILIES } from "@/lib/cases/codes";
import { rateResponseAction } from "@/lib/practice/actions/feedback";
import { SCALES } from "@/lib/practice/scales";
import { feedbackInput, PRACTICE_LIMITS, type FeedbackInput } from "@/lib/practice/schemas";

// The supervisor's rating of a response: the strategies it shows, the three anchored scales with
// every anchor written out, and a comment. Rating again replaces the supervisor's earlier rating.

type Existing = { strategies: string[]; attunement: number; nonDefensiveness: number; invitation: number; comment: string } | null;

export function FeedbackForm({ attemptId, existing }: { attemptId: string; existing: Existing }) {
  const defaults: FeedbackInput = {
    attemptId,
    strategies: existing?.strategies ?? [],
    attunement: existing ? String(existing.attunement) : "",
    nonDefensiveness: existing ? String(existing.nonDefensiveness) : "",
    invitation: existing ? String(existing.invitation) : "",
    comment: existing?.comment ?? "",
  } as unknown as FeedbackInput;
  const { form, onSubmit, message } = useActionForm({
    schema: feedbackInput,
    defaultValues: defaults,
    action: rateResponseAction,
    invalidMessage: "Check the highlighted fields.",
    onSuccess: (r) => (r.updated ? "Feedback updated. The trainee has been told." : "Feedback saved. The trainee has been told."),
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset>
        <legend className="font-semibold">Repair strategies the response shows</legend>
        <p className="text-sm text-stone-700">Tick every strategy you hear in it (none is fine).</p>
        <div className="mt-2 grid gap-4 md:grid-cols-3">
          {STRATEGY_FAMILIES.map((f) => (
            <div key={f.code}>
              <p className="text-sm font-medium">{f.label}</p>
              <ul className="mt-1 space-y-1">
                {STRATEGIES.filter((s) => s.family === f.code).map((s) => (
                  <li key={s.code} className="flex items-start gap-2">
                    <input type="checkbox" id={`strategy-${s.code}`} value={s.code} className="mt-0.5 h-5 w-5 shrink-0" {...register("strategies")} />
                    <label htmlFor={`strategy-${s.code}`} className="text-sm">
                      {s.label}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <FieldMessage id="strategies" error={errors.strategies?.message} />
      </fieldset>

      {SCALES.map((scale) => {
        const error = errors[scale.code]?.message;
        return (
          <fieldset key={scale.code} aria-describedby={`${scale.code}-q${error ? ` ${scale.code}-error` : ""}`} data-testid={`scale-${scale.code}`}>
            <legend className="font-semibold">{scale.title}</legend>
            <p id={`${scale.code}-q`} className="text-sm text-stone-700">
              {scale.question}
            </p>
            <ul className="mt-2 space-y-2">
              {scale.anchors.map((a) => (
                <li key={a.value} className="flex items-start gap-2">
                  <input
                    type="radio"
                    id={`${scale.code}-${a.value}`}
                    value={String(a.value)}
                    className="mt-0.5 h-5 w-5 shrink-0"
                    {...register(scale.code)}
                  />
                  <label htmlFor={`${scale.code}-${a.value}`} className="text-sm">
                    <span className="font-medium">
                      {a.value} · {a.label}
                    </span>
                    <span className="block text-stone-700">{a.description}</span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldMessage id={scale.code} error={error} />
          </fieldset>
        );
      })}

      <TextArea label="Comment for the trainee" hint="What worked, and one thing to try next time." rows={4} maxLength={PRACTICE_LIMITS.comment} error={errors.comment?.message} {...register("comment")} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : existing ? "Update feedback" : "Save feedback"}
      </Button>
    </form>
  );
}
