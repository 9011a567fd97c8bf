"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { openCalibrationRoundAction } from "@/lib/calibration/actions/rounds";
import { MIN_INVITEES, openCalibrationRoundInput } from "@/lib/calibration/schemas";

type Reference = { id: string; title: string; summary: string; hasReferenceReview: boolean };

/** An admin opens a round: a name, one reference case, two or more supervisors, an optional due date. */
export function OpenCalibrationRoundForm({ references, supervisors, initialReference }: { references: Reference[]; supervisors: { membershipId: string; name: string }[]; initialReference?: string }) {
  const router = useRouter();
  const refId = useId();
  const whoId = useId();
  const { form, onSubmit, message } = useActionForm({
    schema: openCalibrationRoundInput,
    defaultValues: { name: "", referenceId: initialReference ?? "", invitees: [], dueOn: "" },
    action: openCalibrationRoundAction,
    refresh: false,
    invalidMessage: "Some answers are missing. Each one is marked with what to do.",
    onSuccess: (data) => {
      router.push(`/calibration/${data.roundId}?opened=1`);
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      <TextField label="Name of the round" hint="For example, “Autumn calibration” or “Withdrawal markers”." maxLength={120} {...register("name")} error={errors.name?.message} />
      <fieldset aria-describedby={errors.referenceId ? `${refId}-error` : undefined} className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Reference case</legend>
        <p className="text-sm text-stone-700">Everyone invited reviews this case with the same form as a real case review.</p>
        {references.map((r) => (
          <label key={r.id} className="flex items-start gap-3 rounded-md border border-stone-200 bg-white p-3">
            <input type="radio" value={r.id} className="mt-1 h-5 w-5 shrink-0" {...register("referenceId")} />
            <span>
              <span className="block font-medium text-stone-900">{r.title}</span>
              <span className="block text-sm text-stone-700">{r.summary}</span>
              <span className="block text-sm text-stone-700">{r.hasReferenceReview ? "With a lead supervisor's reference review." : "No reference review."}</span>
            </span>
          </label>
        ))}
        <FieldMessage id={refId} error={errors.referenceId?.message} />
      </fieldset>
      <fieldset aria-describedby={errors.invitees ? `${whoId}-error` : `${whoId}-hint`} className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">Supervisors to invite</legend>
        <p id={`${whoId}-hint`} className="text-sm text-stone-700">
          Choose at least {MIN_INVITEES}. Each is notified, reviews alone, and sees the others&apos; ratings only after submitting their own.
        </p>
        {supervisors.map((s) => (
          <label key={s.membershipId} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" value={s.membershipId} className="h-5 w-5" {...register("invitees")} />
            {s.name}
          </label>
        ))}
        <FieldMessage id={whoId} error={errors.invitees?.message ?? (errors.invitees as { root?: { message?: string } } | undefined)?.root?.message} />
      </fieldset>
      <TextField label="Due date (optional)" hint="The round closes itself at the end of this day; you can also close it yourself." type="date" {...register("dueOn")} error={errors.dueOn?.message} />
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Opening…" : "Open the round"}
      </Button>
    </form>
  );
}
