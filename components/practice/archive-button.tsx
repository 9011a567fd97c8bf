"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { archiveDrillAction } from "@/lib/practice/actions/drills";

/** Archives (or restores) one of the organisation's drills; never deletes it. */
export function ArchiveDrillButton({ drillId, title, archived, version }: { drillId: string; title: string; archived: boolean; version: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`${archived ? "Restore" : "Archive"} ${title}`}
        onClick={() =>
          start(async () => {
            const r = await archiveDrillAction({ drillId, version, archived: !archived });
            setMsg(r.ok ? { ok: true, text: archived ? "Restored." : "Archived: it takes no new responses." } : { ok: false, text: r.error });
            if (r.ok) router.refresh();
          })
        }
      >
        {pending ? "Saving…" : archived ? "Restore" : "Archive"}
      </Button>
      {msg ? (
        <span role={msg.ok ? "status" : "alert"} className={`text-sm ${msg.ok ? "text-green-900" : "text-red-800"}`}>
          {msg.text}
        </span>
      ) : null}
    </span>
  );
}
