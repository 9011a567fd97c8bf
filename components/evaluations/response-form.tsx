"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextArea } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { saveResponseAction, submitResponseAction } from "@/lib/evaluations/actions/responses";
import { checkResponse, competenciesOf, FORM_LIMITS, ratingOptions, type FormCompetency, type FormDefinition, type StoredCompetencyRating } from "@/lib/evaluations/definition";
import type { Side } from "@/lib/evaluations/status";
import { formatDateTime } from "@/components/cases/format";

type Values = {
  ratings: Record<string, { rating: string | null; comment: string }>;
  overallComment: string;
  recommendation: string | null;
};

function RatingGroup({ def, c, register, errors }: { def: FormDefinition; c: FormCompetency; register: UseFormRegister<Values>; errors: FieldErrors<Values> }) {
  const id = useId();
  const error = errors.ratings?.[c.code]?.rating?.message;
  const ownWording = (c.anchors ?? []).some((a) => a.trim());
  return (
    <fieldset
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
      data-testid={`competency-${c.code}`}
      aria-describedby={[c.description ? `${id}-desc` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
    >
      <legend className="px-1 font-semibold text-stone-900">{c.title}</legend>
      {c.description ? (
        <p id={`${id}-desc`} className="text-sm text-stone-700">
          {c.description}
        </p>
      ) : null}
      <div className={ownWording ? "flex flex-col" : "flex flex-row flex-wrap gap-x-4"}>
        {ratingOptions(def, c).map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value={o.value} className="h-5 w-5 shrink-0" {...register(`ratings.${c.code}.rating`)} />
            <span>
              {o.label}
              {ownWording && o.description ? <span className="text-stone-700">: {o.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldMessage id={id} error={error} />
      {def.comments ? (
        <TextArea
          label={<>Comment (optional)<span className="sr-only"> on {c.title}</span></>}
          rows={2}
          maxLength={FORM_LIMITS.comment}
          {...register(`ratings.${c.code}.comment`)}
          error={errors.ratings?.[c.code]?.comment?.message}
        />
      ) : null}
    </fieldset>
  );
}

/** The caller's own side of an evaluation: saved as a draft as often as they like, then submitted once. */
export function ResponseForm(props: {
  evaluationId: string;
  side: Side;
  definition: FormDefinition;
  version: number;
  initial: { ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null } | null;
  savedAt: Date | null;
}) {
  const router = useRouter();
  const def = props.definition;
  const recId = useId();
  const [version, setVersion] = useState(props.version);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(props.savedAt ? { tone: "success", text: `Draft last saved ${formatDateTime(props.savedAt)}.` } : null);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const { register, handleSubmit, setError, clearErrors, setFocus, getValues, formState: { errors } } = useForm<Values>({
    defaultValues: {
      ratings: Object.fromEntries(competenciesOf(def).map((c) => [c.code, { rating: props.initial?.ratings[c.code]?.rating ?? null, comment: props.initial?.ratings[c.code]?.comment ?? "" }])),
      overallComment: props.initial?.overallComment ?? "",
      recommendation: props.initial?.recommendation ?? null,
    },
  });

  const payload = (v: Values) => ({
    evaluationId: props.evaluationId,
    version,
    ratings: Object.fromEntries(Object.entries(v.ratings).map(([k, r]) => [k, { rating: r.rating ?? "", comment: r.comment ?? "" }])),
    overallComment: v.overallComment,
    recommendation: v.recommendation || null,
  });

  const showErrors = (fieldErrors: Record<string, string[] | undefined>) => {
    let first: string | null = null;
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (!messages?.length || field === "_form") continue;
      setError(field as never, { type: "server", message: messages[0] });
      first ??= field;
    }
    // A radio group's first input takes the focus; a comment its textarea.
    if (first) setFocus(first as never);
  };

  const run = async (kind: "save" | "submit") => {
    clearErrors();
    setMessage(null);
    const body = payload(getValues());
    if (kind === "submit") {
      const local = checkResponse(def, body, { complete: true, side: props.side });
      if (Object.keys(local).length) {
        showErrors(local);
        setMessage({ tone: "error", text: "Some answers are missing. Each one is marked in the form with what to do; nothing was submitted." });
        return;
      }
    }
    setBusy(kind);
    const r = kind === "save" ? await saveResponseAction(body) : await submitResponseAction(body);
    setBusy(null);
    if (!r.ok) {
      showErrors(r.fieldErrors ?? {});
      const text = applyServerErrors(r, setError) ?? r.fieldErrors?._form?.[0] ?? r.error;
      setMessage({ tone: "error", text });
      return;
    }
    setVersion(r.data.version);
    if (kind === "save") setMessage({ tone: "success", text: `Draft saved ${formatDateTime(new Date())}. Only you can see it.` });
    else router.refresh();
  };

  return (
    <form onSubmit={handleSubmit(() => run("submit"))} noValidate className="space-y-6">
      {def.domains.map((d) => (
        <section key={d.code} aria-labelledby={`domain-${d.code}`} className="space-y-3">
          <h3 id={`domain-${d.code}`} className="text-lg font-semibold">
            {d.title}
          </h3>
          {d.competencies.map((c) => (
            <RatingGroup key={c.code} def={def} c={c} register={register} errors={errors} />
          ))}
        </section>
      ))}
      <section aria-labelledby="overall" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h3 id="overall" className="text-lg font-semibold">
          Overall
        </h3>
        <fieldset aria-describedby={errors.recommendation?.message ? `${recId}-error` : undefined}>
          <legend className="text-sm font-medium text-stone-800">
            {def.recommendation.question}
            {props.side === "self" ? " (optional: your own view)" : ""}
          </legend>
          <div className="mt-1 flex flex-col">
            {def.recommendation.options.map((o) => (
              <label key={o.code} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" value={o.code} className="h-5 w-5 shrink-0" {...register("recommendation")} />
                {o.label}
              </label>
            ))}
          </div>
          <FieldMessage id={recId} error={errors.recommendation?.message} />
        </fieldset>
        <TextArea label="Overall comment (optional)" rows={4} maxLength={FORM_LIMITS.overallComment} {...register("overallComment")} error={errors.overallComment?.message} />
      </section>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={busy !== null} onClick={() => run("save")}>
          {busy === "save" ? "Saving…" : "Save draft"}
        </Button>
        <Button type="submit" disabled={busy !== null}>
          {busy === "submit" ? "Submitting…" : props.side === "self" ? "Submit my self-evaluation" : "Submit my evaluation"}
        </Button>
        <p className="text-sm text-stone-700">Submitting is final: your answers can&apos;t change afterwards.</p>
      </div>
    </form>
  );
}
