"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { resendInvitationsAction } from "@/lib/onboarding/actions/invitations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export const BULK_INVITATIONS_FORM_ID = "bulk-invitations";

/**
 * "Resend selected" for the invitations list. The row checkboxes (value "id:version") live in the
 * server-rendered table and join this form through their form attribute.
 */
export function BulkInvitationsForm() {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  function resend() {
    const picked = new FormData(form.current!).getAll("invitations").map(String);
    if (picked.length === 0) return setMessage({ tone: "error", text: "Select at least one open or expired invitation in the table first." });
    const list = picked.map((v) => {
      const [id, version] = v.split(":");
      return { id, version: Number(version) };
    });
    start(async () => {
      const r = await resendInvitationsAction({ invitations: list });
      if (!r.ok) return setMessage({ tone: "error", text: r.error });
      setMessage({ tone: "success", text: `New ${r.data.resent === 1 ? "link" : "links"} sent to ${r.data.resent} ${r.data.resent === 1 ? "person" : "people"}. Their old links no longer work.` });
      for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_INVITATIONS_FORM_ID}"]`)) box.checked = false;
      router.refresh();
    });
  }

  return (
    <form id={BULK_INVITATIONS_FORM_ID} ref={form} onSubmit={(e) => e.preventDefault()} aria-label="Resend selected invitations" className="mb-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-stone-800">Select open or expired invitations in the table, then send each person a new link.</p>
        <Button variant="secondary" disabled={pending} onClick={resend}>
          {pending ? "Sending…" : "Resend selected"}
        </Button>
      </div>
    </form>
  );
}
