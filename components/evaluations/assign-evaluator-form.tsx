"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field";
import { announce } from "@/components/admin/admin-status";
import { assignEvaluatorAction } from "@/lib/evaluations/actions/rounds";

/** An admin picks who completes the supervisor's side for one trainee. */
export function AssignEvaluatorForm(props: {
  evaluationId: string;
  version: number;
  traineeName: string;
  current: string | null;
  candidates: { membershipId: string; name: string }[];
}) {
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(props.current ?? "");
  const [error, setError] = useState<string | undefined>();
  if (props.candidates.length === 0) return <p className="text-sm text-stone-700">No supervisor assigned to {props.traineeName}. Assign one on their member page first.</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        start(async () => {
          setError(undefined);
          const r = await assignEvaluatorAction({ evaluationId: props.evaluationId, evaluatorMembershipId: value, version: props.version });
          if (!r.ok) return setError(r.fieldErrors?.evaluatorMembershipId?.[0] ?? r.error);
          announce(`Evaluator for ${props.traineeName} saved.`);
          router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-stone-800">
          Evaluator for {props.traineeName}
        </label>
        <select
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 block min-h-11 rounded-md border border-stone-400 bg-white px-2"
        >
          <option value="">Choose a supervisor…</option>
          {props.candidates.map((c) => (
            <option key={c.membershipId} value={c.membershipId}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldMessage id={id} error={error} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !value || value === props.current}>
        {pending ? "Saving…" : "Save evaluator"}
      </Button>
    </form>
  );
}
