"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { setMemberStatusAction } from "@/lib/orgs/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function MemberStatusForm(props: { membershipId: string; name: string; status: "active" | "deactivated"; version: number; isSelf: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  async function setStatus(status: "active" | "deactivated") {
    const result = await setMemberStatusAction({ membershipId: props.membershipId, status, version: props.version });
    if (!result.ok) return result.error;
    setMessage({
      tone: "success",
      text: status === "deactivated" ? "Member deactivated. Their access ended at once; their records are kept. Reactivate them here to undo." : "Member reactivated.",
    });
    router.refresh();
    return null;
  }

  return (
    <div className="space-y-3">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <p className="text-sm text-stone-700">
        {props.status === "active"
          ? "Deactivating ends this person's access to your organisation straight away. Their records are kept and you can reactivate them later."
          : "Reactivating restores this person's access with their previous role."}
      </p>
      {props.status === "active" ? (
        <ConfirmDialog
          triggerLabel={props.isSelf ? "Deactivate my own access" : "Deactivate member"}
          title={props.isSelf ? "Deactivate your own access?" : `Deactivate ${props.name}?`}
          confirmLabel={props.isSelf ? "Deactivate my own access" : `Deactivate ${props.name}`}
          onConfirm={() => setStatus("deactivated")}
        >
          <p>
            {props.isSelf
              ? "You will be signed out of this organisation at once and can't undo this yourself: another admin has to reactivate you."
              : `${props.name} loses access to your organisation at once and is signed out. Their cases, progress and certificates are kept.`}
          </p>
          {props.isSelf ? null : <p>You can undo this from this page at any time with “Reactivate member”; they get their previous role back.</p>}
        </ConfirmDialog>
      ) : (
        <Button variant="primary" disabled={pending} onClick={() => start(async () => { const err = await setStatus("active"); if (err) setMessage({ tone: "error", text: err }); })}>
          Reactivate member
        </Button>
      )}
    </div>
  );
}
