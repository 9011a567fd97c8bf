"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/core/action-result";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field";
import { PersonPicker } from "@/components/ui/search-picker";

/** A select (or a people search) plus an "Add" button: adds the chosen option through a server action. */
export function PickAndAdd<P extends Record<string, unknown>>(props: {
  label: string;
  options: { id: string; label: string }[];
  emptyText: string;
  button: string;
  success: string;
  action: (payload: P) => Promise<ActionResult<unknown>>;
  /** The fixed part of the payload; the chosen option's id goes into `field`. */
  base: Omit<P, never>;
  field: keyof P & string;
  /**
   * Search-as-you-type instead of a list on the page (for people: an organisation may have
   * thousands). `options` is then unused; `exclude` leaves out those already linked.
   */
  search?: { role: "supervisor" | "trainee"; exclude: string[] };
}) {
  const id = useId();
  const router = useRouter();
  const [value, setValue] = useState("");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState("");
  const [picked, setPicked] = useState(0);
  // The status stays mounted when the list empties, so the last success is still announced.
  if (!props.search && props.options.length === 0) {
    return (
      <div>
        <p className="text-sm text-stone-700">{props.emptyText}</p>
        <span role="status" className="text-sm text-green-800">{done}</span>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-end gap-2">
      {props.search ? (
        <PersonPicker key={picked} id={id} name={props.field} label={props.label} role={props.search.role} exclude={props.search.exclude} error={error} onChange={(p) => setValue(p?.id ?? "")} />
      ) : (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-stone-800">{props.label}</label>
          <select
            id={id}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block min-h-11 rounded-md border border-stone-400 bg-white px-2"
          >
            <option value="">Choose…</option>
            {props.options.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
          <FieldMessage id={id} error={error} />
        </div>
      )}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          setDone("");
          if (!value) return setError("Choose one from the list first.");
          setError(undefined);
          start(async () => {
            const r = await props.action({ ...props.base, [props.field]: value } as P);
            if (!r.ok) return setError(r.error);
            setValue("");
            setPicked((n) => n + 1);
            setDone(props.success);
            router.refresh();
          });
        }}
      >
        {props.button}
      </Button>
      <span role="status" className="text-sm text-green-800">{done}</span>
    </div>
  );
}
