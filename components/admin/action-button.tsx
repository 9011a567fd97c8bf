"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/core/action-result";
import { Button } from "@/components/ui/button";
import { announce } from "./admin-status";

/** One button that runs a server action with a fixed payload, then refreshes; the outcome is announced. */
export function ActionButton<P>(props: {
  action: (payload: P) => Promise<ActionResult<unknown>>;
  payload: P;
  label: string;
  pendingLabel?: string;
  success: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** Names what the button acts on, for screen readers when a table holds many of them. */
  accessibleLabel?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant={props.variant ?? "secondary"}
        disabled={pending}
        aria-label={props.accessibleLabel}
        onClick={() =>
          start(async () => {
            const r = await props.action(props.payload);
            setMsg(r.ok ? null : { ok: false, text: r.error });
            if (r.ok) {
              announce(props.success);
              router.refresh();
            }
          })
        }
      >
        {pending ? (props.pendingLabel ?? "Working…") : props.label}
      </Button>
      {msg ? (
        <span role="alert" className="text-sm text-red-800">
          {msg.text}
        </span>
      ) : null}
    </span>
  );
}
