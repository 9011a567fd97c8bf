"use client";

import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/core/action-result";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { announce } from "./admin-status";

/** ActionButton's confirming sibling: a destructive server action behind a ConfirmDialog. */
export function ConfirmActionButton<P>(props: {
  action: (payload: P) => Promise<ActionResult<unknown>>;
  payload: P;
  label: string;
  accessibleLabel?: string;
  title: string;
  confirmLabel: string;
  success: string;
  /** For a confirmation that isn't destructive (sending reminders): a plain button, not a red one. */
  tone?: "danger" | "primary";
  children: ReactNode;
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      triggerLabel={props.label}
      triggerAccessibleLabel={props.accessibleLabel}
      title={props.title}
      confirmLabel={props.confirmLabel}
      triggerVariant={props.tone === "primary" ? "secondary" : undefined}
      confirmVariant={props.tone === "primary" ? "primary" : undefined}
      onConfirm={async () => {
        const r = await props.action(props.payload);
        if (!r.ok) return r.error;
        announce(props.success);
        router.refresh();
        return null;
      }}
    >
      {props.children}
    </ConfirmDialog>
  );
}
