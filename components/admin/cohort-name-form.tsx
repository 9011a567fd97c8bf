"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { createCohortAction, renameCohortAction } from "@/lib/orgs/actions/cohorts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyServerErrors } from "@/components/ui/use-server-errors";
import { COHORT_NAME_MAX } from "@/lib/onboarding/invite-rows";
import { cohortNameSchema } from "@/lib/orgs/admin-schemas";

const nameOnly = z.object({ name: cohortNameSchema });
type Values = z.input<typeof nameOnly>;

/** Creates a cohort, or renames one when `cohort` is given. */
export function CohortNameForm({ cohort }: { cohort?: { id: string; name: string; version: number } }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(nameOnly),
    defaultValues: { name: cohort?.name ?? "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const r = cohort ? await renameCohortAction({ id: cohort.id, version: cohort.version, name: values.name }) : await createCohortAction(values);
    if (!r.ok) {
      const text = applyServerErrors(r, setError);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    setMessage({ tone: "success", text: cohort ? "Cohort renamed." : `Cohort “${values.name.trim()}” created.` });
    if (!cohort) reset({ name: "" });
    router.refresh();
  });
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
          <Alert tone={message.tone} live>
            {message.text}
          </Alert>
        </div>
      ) : null}
    </form>
  );
}
