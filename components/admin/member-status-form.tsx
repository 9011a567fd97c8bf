"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { setMemberStatusAction } from "@/lib/orgs/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function MemberStatusForm(props: { membershipId: string; status: "active" | "deactivated"; version: number; isSelf: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const next = props.status === "active" ? "deactivated" : "active";

  function submit() {
    start(async () => {
      const result = await setMemberStatusAction({ membershipId: props.membershipId, status: next, version: props.version });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setMessage({ tone: "success", text: next === "deactivated" ? "Member deactivated. Their access ended at once; their records are kept." : "Member reactivated." });
      router.refresh();
    });
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
      <Button variant={props.status === "active" ? "danger" : "primary"} onClick={submit} disabled={pending}>
        {props.status === "active" ? (props.isSelf ? "Deactivate my own access" : "Deactivate member") : "Reactivate member"}
      </Button>
    </div>
  );
}
