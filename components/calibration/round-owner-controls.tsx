"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormMessage, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextArea } from "@/components/ui/field";
import { IdentifiersCheck } from "@/components/cases/identifiers-check";
import { closeCalibrationRoundAction, saveDiscussionNoteAction } from "@/lib/calibration/actions/rounds";
import { discussionNoteInput, NOTE_MAX } from "@/lib/calibration/schemas";

/** Closes the round now (after asking): no more reviews; participants are told. */
export function CloseRoundButton({ roundId, version, name, waiting }: { roundId: string; version: number; name: string; waiting: number }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      triggerLabel="Close the round"
      triggerVariant="secondary"
      title={`Close “${name}”?`}
      confirmLabel={`Close “${name}”`}
      onConfirm={async () => {
        const r = await closeCalibrationRoundAction({ roundId, version });
        if (!r.ok) return r.error;
        router.refresh();
        return null;
      }}
    >
      {waiting > 0
        ? `${waiting === 1 ? "One supervisor hasn't" : `${waiting} supervisors haven't`} submitted yet: once the round is closed, nobody can submit a review.`
        : "Everyone has submitted. Once the round is closed, nobody can submit a review."}{" "}
      The participants are told that the results are ready.
    </ConfirmDialog>
  );
}

/** The owner's note of what the group discussed and agreed; scanned for identifiers like feedback. */
export function DiscussionNoteForm({ roundId, version, note }: { roundId: string; version: number; note: string }) {
  const [flagged, setFlagged] = useState(false);
  const { form, onSubmit, message } = useActionForm({
    schema: discussionNoteInput,
    defaultValues: { roundId, version, note, identifiersChecked: false },
    action: saveDiscussionNoteAction,
    onFailure: (r) => {
      if (r.fieldErrors?.identifiersChecked) setFlagged(true);
    },
    onSuccess: (data, _v, f) => {
      f.setValue("version", data.version);
      setFlagged(false);
      return "Discussion note saved.";
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <TextArea
        label="Discussion note"
        hint="What the group discussed, where ratings differed and why, and anything agreed for future reviews. Participants read it with the results."
        rows={5}
        maxLength={NOTE_MAX}
        {...register("note")}
        error={errors.note?.message}
      />
      {flagged ? <IdentifiersCheck {...register("identifiersChecked")} error={errors.identifiersChecked?.message} /> : null}
      <FormMessage message={message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save the note"}
      </Button>
    </form>
  );
}

