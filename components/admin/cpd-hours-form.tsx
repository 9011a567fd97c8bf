"use client";

import { useFieldArray } from "react-hook-form";
import { setCpdHoursAction } from "@/lib/orgs/actions/settings";
import { cpdHoursInput } from "@/lib/orgs/settings-schemas";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";

export function CpdHoursForm({ rows }: { rows: { moduleId: string; title: string; hours: string }[] }) {
  const { form, onSubmit, message } = useActionForm({
    schema: cpdHoursInput,
    defaultValues: { modules: rows.map((r) => ({ moduleId: r.moduleId, hours: r.hours })) },
    // raw: the form's own strings go to the action, which parses them again (its output is minutes).
    rawValues: true,
    action: setCpdHoursAction,
    onSuccess: (data) => (data.changed === 0 ? "Nothing to change." : `CPD hours saved for ${data.changed} ${data.changed === 1 ? "module" : "modules"}.`),
  });
  const {
    register,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const { fields } = useFieldArray({ control, name: "modules" });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage message={message} />
      <table className="w-full max-w-2xl text-left text-sm">
        <caption className="sr-only">CPD hours for each module</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Module
            </th>
            <th scope="col" className="w-40 py-2 font-semibold">
              CPD hours
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => {
            const error = errors.modules?.[i]?.hours?.message;
            const inputId = `cpd-${f.moduleId}`;
            return (
              <tr key={f.id} className="border-b border-stone-200 align-top">
                <td className="py-2 pr-4">
                  <label htmlFor={inputId}>{rows[i].title}</label>
                </td>
                <td className="py-2">
                  <input type="hidden" {...register(`modules.${i}.moduleId`)} />
                  <input
                    id={inputId}
                    inputMode="decimal"
                    maxLength={10}
                    placeholder="None"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    className="block min-h-11 w-28 rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700"
                    {...register(`modules.${i}.hours`)}
                  />
                  {error ? (
                    <p id={`${inputId}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">
                      {error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save CPD hours"}
      </Button>
    </form>
  );
}
