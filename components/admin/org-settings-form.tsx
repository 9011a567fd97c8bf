"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { updateOrgSettingsAction } from "@/lib/orgs/actions/settings";
import { orgSettingsInput, type OrgSettingsInput } from "@/lib/orgs/settings-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";

export function OrgSettingsForm({ initial, zones }: { initial: OrgSettingsInput; zones: string[] }) {
  const router = useRouter();
  const zoneId = useId();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<OrgSettingsInput, unknown, z.output<typeof orgSettingsInput>>({ resolver: zodResolver(orgSettingsInput), defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const r = await updateOrgSettingsAction(values);
    if (!r.ok) {
      const text = applyServerErrors(r, setError);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    setValue("version", r.data.version);
    setMessage({ tone: "success", text: "Settings saved. Certificates issued from now on carry them." });
    router.refresh();
  });

  const zoneHint = `${zoneId}-hint`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-6">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
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
