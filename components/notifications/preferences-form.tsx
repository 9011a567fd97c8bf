"use client";

import { setNotificationPreferencesAction } from "@/lib/auth/actions/account";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field";
import type { Role } from "@/db/schema";
import { CHANNEL_LABELS, CHANNELS, groupsFor, isSafetyKind, KIND_LABELS, type Channel, type NotificationKind } from "@/lib/notifications/kinds";
import { notificationPreferencesInput } from "@/lib/notifications/schemas";

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 text-base aria-[invalid=true]:border-red-700 sm:max-w-xs";

/** For each kind relevant to the person's role: in-app only, with email, or with the daily digest. Safety kinds are shown locked. */
export function NotificationPreferencesForm({ role, prefs }: { role: Role; prefs: Record<NotificationKind, Channel> }) {
  const groups = groupsFor(role);
  const editable = groups.flatMap((g) => g.kinds).filter((k) => !isSafetyKind(k));
  const { form, onSubmit, message } = useActionForm({
    schema: notificationPreferencesInput,
    defaultValues: Object.fromEntries(editable.map((k) => [k, prefs[k]])),
    action: setNotificationPreferencesAction,
    invalidMessage: "Check the highlighted choices.",
    onSuccess: (data) => (data.changed === 0 ? "Your notification preferences are saved (nothing had changed)." : "Your notification preferences are saved."),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessage message={message} />
      {groups.map((g) => (
        <fieldset key={g.id} className="space-y-3">
          <legend className="text-base font-semibold text-stone-900">{g.title}</legend>
          {g.kinds.map((kind) => {
            const id = `pref-${kind}`;
            if (isSafetyKind(kind)) {
              return (
                <div key={kind} data-testid={`pref-locked-${kind}`}>
                  <p className="text-sm font-medium text-stone-800">{KIND_LABELS[kind]}</p>
                  <p className="mt-1 text-sm text-stone-700">
                    <span className="font-medium">Always in-app and email.</span> You can&apos;t turn this off: someone may need help quickly.
                  </p>
                </div>
              );
            }
            const error = errors[kind]?.message;
            return (
              <div key={kind}>
                <label htmlFor={id} className="block text-sm font-medium text-stone-800">
                  {KIND_LABELS[kind]}
                </label>
                <select id={id} className={selectClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register(kind)}>
                  {CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
                <FieldMessage id={id} error={error} />
              </div>
            );
          })}
        </fieldset>
      ))}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save notification preferences"}
      </Button>
    </form>
  );
}
