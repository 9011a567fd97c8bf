"use client";

import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "./button";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/**
 * A button that asks before it acts: a native modal <dialog> (showModal gives the focus trap, the
 * inert page behind it and Escape), labelled by its heading, that names the thing and the
 * consequence. Focus starts on Cancel (the safe choice) and returns to the trigger when it closes.
 * The confirm button names the action ("Deactivate Sam Lee"). `onConfirm` returns an error message
 * to show inside the dialog, or null when done.
 */
export function ConfirmDialog(props: {
  triggerLabel: string;
  /** The trigger's accessible name when the visible label is shared by many rows ("Revoke"). */
  triggerAccessibleLabel?: string;
  triggerVariant?: Variant;
  title: string;
  confirmLabel: string;
  confirmVariant?: Variant;
  children: ReactNode;
  onConfirm: () => Promise<string | null>;
  disabled?: boolean;
  /** Runs on the trigger first (e.g. form validation); the dialog opens only when it returns true. */
  beforeOpen?: () => Promise<boolean>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  async function open() {
    if (props.beforeOpen && !(await props.beforeOpen())) return;
    setError(null);
    dialog.current?.showModal();
    cancel.current?.focus();
  }
  function close() {
    dialog.current?.close();
  }

  return (
    <>
      <Button ref={trigger} variant={props.triggerVariant ?? "danger"} aria-label={props.triggerAccessibleLabel} aria-haspopup="dialog" disabled={props.disabled || pending} onClick={() => void open()}>
        {props.triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        aria-describedby={bodyId}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={headingId} className="text-lg font-semibold">
            {props.title}
          </h2>
          <div id={bodyId} className="space-y-2 text-sm">
            {props.children}
          </div>
          {error ? (
            <p role="alert" className="text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button ref={cancel} variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button
              variant={props.confirmVariant ?? "danger"}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const err = await props.onConfirm();
                  if (err) setError(err);
                  else close();
                })
              }
            >
              {pending ? "Working…" : props.confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
