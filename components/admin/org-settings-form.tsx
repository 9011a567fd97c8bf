"use client";

import { useId } from "react";
import { updateOrgSettingsAction } from "@/lib/orgs/actions/settings";
import { orgSettingsInput, type OrgSettingsInput } from "@/lib/orgs/settings-schemas";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";

export function OrgSettingsForm({ initial, zones }: { initial: OrgSettingsInput; zones: string[] }) {
  const zoneId = useId();
  const { form, onSubmit, message } = useActionForm({
    schema: orgSettingsInput,
    defaultValues: initial,
    action: updateOrgSettingsAction,
    onSuccess: (data, _v, f) => {
      f.setValue("version", data.version);
      return "Settings saved. Certificates issued from now on carry them.";
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const zoneHint = `${zoneId}-hint`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-6">
      <FormMessage message={message} />
      <input type="hidden" {...register("version")} />
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-stone-900">Organisation</legend>
        <TextField label="Organisation name" maxLength={120} autoComplete="organization" {...register("name")} error={errors.name?.message} />
        <div>
          <label htmlFor={zoneId} className="block text-sm font-medium text-stone-800">
            Time zone
          </label>
          <p id={zoneHint} className="mt-0.5 text-sm text-stone-600">
            Every date your members see, and the completion date on certificates, is shown in this time zone.
          </p>
          <select
            id={zoneId}
            className="mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2"
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={errors.timeZone ? `${zoneHint} ${zoneId}-error` : zoneHint}
            {...register("timeZone")}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <FieldMessage id={zoneId} error={errors.timeZone?.message} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-stone-900">Certificate signatory</legend>
        <p className="text-sm text-stone-700">Printed under a signature line on certificates. Leave both empty for certificates without a signatory.</p>
        <TextField label="Signatory's name" hint="For example, Dr Alex Chen." maxLength={120} {...register("signatoryName")} error={errors.signatoryName?.message} />
        <TextField label="Signatory's title (optional)" hint="For example, Director of Clinical Training." maxLength={120} {...register("signatoryTitle")} error={errors.signatoryTitle?.message} />
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
