"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/core/action-result";

/** Puts a failed action's field errors next to their fields; returns the form-level message. */
export function applyServerErrors<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>): string | null {
  if (result.ok) return null;
  let placed = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (!messages?.length || field === "_form") continue;
    setError(field as Path<T>, { type: "server", message: messages[0] });
    placed = true;
  }
  return placed && result.code === "validation" ? null : result.error;
}
