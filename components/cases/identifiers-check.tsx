"use client";

import type { InputHTMLAttributes } from "react";
import { Checkbox } from "@/components/ui/field";

/** The supervisor's confirmation, asked only after the server flagged details in their feedback. */
export function IdentifiersCheck({ error, ...props }: { error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="rounded-md border border-amber-600 bg-amber-50 p-3">
      <Checkbox label="I have checked the flagged details: they don't identify the client or anyone else." error={error} {...props} />
    </div>
  );
}
