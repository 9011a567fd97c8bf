import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

type Common = { label: ReactNode; hint?: ReactNode; error?: string; id?: string };

export function fieldIds(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800" role="alert">
      {error}
    </p>
  );
}

const inputClass =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-stone-900 shadow-sm aria-[invalid=true]:border-red-700 border-stone-400";

export function TextField({ label, hint, error, id: given, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const id = given ?? auto;
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
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, hint, error)} className={inputClass} {...props} />
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export function TextArea({ label, hint, error, id: given, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const id = given ?? auto;
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
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, hint, error)} className={inputClass} {...props} />
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export function Checkbox({ label, error, id: given, ...props }: Omit<Common, "hint"> & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <div>
      <div className="flex items-start gap-3">
        <input type="checkbox" id={id} className="mt-0.5 h-5 w-5 shrink-0" aria-invalid={error ? true : undefined} aria-describedby={fieldIds(id, undefined, error)} {...props} />
        <label htmlFor={id} className="text-sm text-stone-800">
          {label}
        </label>
      </div>
      <FieldMessage id={id} error={error} />
    </div>
  );
}
