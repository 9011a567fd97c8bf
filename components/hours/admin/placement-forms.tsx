"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage, TextField } from "@/components/ui/field";
import { PersonPicker, type PickedItem } from "@/components/ui/search-picker";
import { assignPlacementAction, createPlacementAction, updatePlacementAction } from "@/lib/hours/actions/placements";
import { assignPlacementInput, PLACEMENT_KIND_LABELS, PLACEMENT_KINDS, placementInput } from "@/lib/hours/schemas";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

function Select({ id, label, error, children, ...rest }: { id: string; label: string; error?: string; children: React.ReactNode } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <select id={id} className={selectClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest}>
        {children}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

export function NewPlacementForm() {
  const id = useId();
  const { form, onSubmit, message } = useActionForm({
    schema: placementInput,
    defaultValues: { name: "", kind: "community_agency" },
    action: createPlacementAction,
    onSuccess: (_d, values, f) => {
      f.reset({ name: "", kind: values.kind });
      return `Placement site “${values.name}” added.`;
    },
  });
  const { register, formState: { errors, isSubmitting } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a placement site">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${id}-name`} label="Site name" hint="The organisation or clinic: never client details." maxLength={120} {...register("name")} error={errors.name?.message} />
        <Select id={`${id}-kind`} label="Kind of site" error={errors.kind?.message} {...register("kind")}>
          {PLACEMENT_KINDS.map((k) => <option key={k} value={k}>{PLACEMENT_KIND_LABELS[k]}</option>)}
        </Select>
      </div>
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Adding…" : "Add site"}</Button>
    </form>
  );
}

export function EditPlacementForm({ placement }: { placement: { id: string; version: number; name: string; kind: string; archived: boolean } }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState({ name: placement.name, kind: placement.kind, archived: placement.archived });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label={`Edit ${placement.name}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const r = await updatePlacementAction({ id: placement.id, version: placement.version, ...v });
        setPending(false);
        if (!r.ok) return setError(r.fieldErrors?.name?.[0] ?? r.error);
        setError(null);
        router.refresh();
      }}
    >
      <TextField id={`${id}-name`} label="Name" value={v.name} maxLength={120} onChange={(e) => setV({ ...v, name: e.target.value })} error={error ?? undefined} />
      <Select id={`${id}-kind`} label="Kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
        {PLACEMENT_KINDS.map((k) => <option key={k} value={k}>{PLACEMENT_KIND_LABELS[k]}</option>)}
      </Select>
      <label className="inline-flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" checked={v.archived} onChange={(e) => setV({ ...v, archived: e.target.checked })} /> Archived
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}

/** Trainee and supervisor are searched as the admin types (an organisation may have thousands). */
export function AssignPlacementForm({ sites }: { sites: { id: string; name: string }[] }) {
  const id = useId();
  const { form, onSubmit, message } = useActionForm({
    schema: assignPlacementInput,
    defaultValues: { placementId: "", traineeMembershipId: "", supervisorMembershipId: "", startsOn: "", endsOn: "" },
    action: assignPlacementAction,
    onSuccess: () => "Trainee placed. Their hours there now go to the site supervisor for approval.",
  });
  const { register, setValue, formState: { errors, isSubmitting, isSubmitted } } = form;
  useEffect(() => {
    register("traineeMembershipId");
    register("supervisorMembershipId");
  }, [register]);
  const pick = (field: "traineeMembershipId" | "supervisorMembershipId") => (p: PickedItem | null) => setValue(field, p?.id ?? "", { shouldValidate: isSubmitted });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Place a trainee">
      <FormMessage message={message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select id={`${id}-site`} label="Placement site" error={errors.placementId?.message} {...register("placementId")}>
          <option value="">Choose a site…</option>
          {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </Select>
        <PersonPicker id={`${id}-trainee`} name="traineeMembershipId" label="Trainee" role="trainee" error={errors.traineeMembershipId?.message} onChange={pick("traineeMembershipId")} />
        <PersonPicker id={`${id}-sup`} name="supervisorMembershipId" label="Site supervisor" role="supervisor" error={errors.supervisorMembershipId?.message} onChange={pick("supervisorMembershipId")} />
        <TextField id={`${id}-start`} label="Starts (optional)" type="date" {...register("startsOn")} error={errors.startsOn?.message} />
        <TextField id={`${id}-end`} label="Ends (optional)" type="date" {...register("endsOn")} error={errors.endsOn?.message} />
      </div>
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Placing…" : "Place trainee"}</Button>
    </form>
  );
}
