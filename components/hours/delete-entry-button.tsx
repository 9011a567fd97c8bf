"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { deleteEntryAction } from "@/lib/hours/actions/entries";

export function DeleteEntryButton({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirming) return <Button variant="ghost" onClick={() => setConfirming(true)}>Delete this entry…</Button>;
  return (
    <div className="space-y-2" role="group" aria-label="Confirm deleting this entry">
      {error ? <Alert tone="error" live>{error}</Alert> : null}
      <p>Delete this entry? This can&apos;t be undone (the audit log keeps a record).</p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await deleteEntryAction({ id, version });
              if (!r.ok) return setError(r.error);
              router.push("/hours");
            })
          }
        >
          {pending ? "Deleting…" : "Delete"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>Keep it</Button>
      </div>
    </div>
  );
}
