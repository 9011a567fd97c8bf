import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldMessage } from "@/components/ui/field";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

/** A labelled select with its hint and error wired to it (aria-describedby). */
export function SelectField({ id, label, hint, error, children, ...rest }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <select id={id} className={selectClass} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest}>
        {children}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}
