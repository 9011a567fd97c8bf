"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** When a save is refused because the case moved on, the person's typed text stays here to copy. */
export function KeptText({ message, text }: { message: string; text: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3" data-testid="kept-text">
      <Alert tone="error" live title="Your latest changes were not saved">
        {message}
      </Alert>
      <label htmlFor={id} className="block text-sm font-medium">
        Your text (copy it before you reload)
      </label>
      <textarea id={id} readOnly value={text} rows={10} className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm text-stone-900" />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copy text
        </Button>
        <a href="" className="inline-flex min-h-11 items-center">
          Reload the case
        </a>
        <span role="status" className="self-center text-sm text-stone-800">
          {copied ? "Copied." : ""}
        </span>
      </div>
    </div>
  );
}
