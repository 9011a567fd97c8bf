"use client";

import { z } from "zod";
import { createCohortAction, renameCohortAction } from "@/lib/orgs/actions/cohorts";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { COHORT_NAME_MAX } from "@/lib/orgs/schemas";
import { cohortNameSchema } from "@/lib/orgs/admin-schemas";

const nameOnly = z.object({ name: cohortNameSchema });

/** Creates a cohort, or renames one when `cohort` is given. */
export function CohortNameForm({ cohort }: { cohort?: { id: string; name: string; version: number } }) {
  const { form, onSubmit, message } = useActionForm({
    schema: nameOnly,
    defaultValues: { name: cohort?.name ?? "" },
    action: (values) => (cohort ? renameCohortAction({ id: cohort.id, version: cohort.version, name: values.name }) : createCohortAction(values)),
    onSuccess: (_data, values, f) => {
      if (cohort) return "Cohort renamed.";
      f.reset({ name: "" });
      return `Cohort “${values.name.trim()}” created.`;
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      <div className="min-w-64 flex-1">
        <TextField
          label={cohort ? `New name for ${cohort.name}` : "Cohort name"}
          hint={cohort ? undefined : `For example, “2027 intake”. At most ${COHORT_NAME_MAX} characters.`}
          maxLength={COHORT_NAME_MAX}
          {...register("name")}
          error={errors.name?.message}
        />
      </div>
      <Button type="submit" variant={cohort ? "secondary" : "primary"} disabled={isSubmitting} className="mt-6">
        {cohort ? "Rename" : "Create cohort"}
      </Button>
      {message ? (
        <div className="basis-full">
          <FormMessage message={message} />
        </div>
      ) : null}
    </form>
  );
}
