"use client";

import { useActionState } from "react";
import { submitCheckAction, type CheckFormState } from "@/lib/modules/actions/check";
import type { PublicQuestion } from "@/lib/modules/checks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Only ids and texts reach the browser (lib/modules/checks.ts publicQuestions): which options are
// correct stays on the server. Questions and options arrive in the order the draw serves them.
export function CheckForm({ moduleSlug, drawId, questions }: { moduleSlug: string; drawId: string; questions: PublicQuestion[] }) {
  const [state, action, pending] = useActionState<CheckFormState, FormData>(submitCheckAction, {});
  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="moduleSlug" value={moduleSlug} />
      <input type="hidden" name="drawId" value={drawId} />
      {state.formError ? (
        <Alert tone="error" live>
          {state.formError}
        </Alert>
      ) : null}
      {questions.map((q, i) => {
        const error = state.errors?.[q.id];
        const chosen = new Set(state.selections?.[q.id] ?? []);
        return (
          <fieldset
            key={q.id}
            className={`rounded-lg border bg-white p-5 ${error ? "border-red-700" : "border-stone-200"}`}
            aria-describedby={error ? `${q.id}-error` : undefined}
          >
            <legend className="px-1 text-sm font-semibold text-stone-700">
              Question {i + 1} of {questions.length}
              {q.kind === "multiple" ? " · select all that apply" : ""}
            </legend>
            {q.scenario ? <p className="mb-2 rounded-md bg-brand-50 p-3 text-sm italic">{q.scenario}</p> : null}
            <p className="font-medium">{q.prompt}</p>
            {error ? (
              <p id={`${q.id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">
                {error}
              </p>
            ) : null}
            <div className="mt-3 space-y-2">
              {q.options.map((o) => {
                const id = `${q.id}-${o.id}`;
                return (
                  <div key={o.id} className="flex items-start gap-3">
                    <input
                      id={id}
                      type={q.kind === "single" ? "radio" : "checkbox"}
                      name={`answer:${q.id}`}
                      value={o.id}
                      defaultChecked={chosen.has(o.id)}
                      className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                    />
                    <label htmlFor={id} className="min-h-6">
                      {o.text}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "Marking…" : "Submit answers"}
      </Button>
    </form>
  );
}
