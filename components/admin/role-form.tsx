"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { changeRoleAction } from "@/lib/orgs/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Role } from "@/db/schema";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";

export function RoleForm(props: { membershipId: string; role: Role; version: number }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(props.role);
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await changeRoleAction({ membershipId: props.membershipId, role, version: props.version });
          if (!r.ok) return setMsg({ tone: "error", text: r.error });
          setMsg({ tone: "success", text: `Role changed to ${ROLE_LABELS[r.data.role].toLowerCase()}. It applies from their next page.` });
          router.refresh();
        });
      }}
    >
      {msg ? (
        <Alert tone={msg.tone} live>
          {msg.text}
        </Alert>
      ) : null}
      <div>
        <label htmlFor="member-role" className="block text-sm font-medium text-stone-800">Role</label>
        <select id="member-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="mt-1 block min-h-11 w-full max-w-xs rounded-md border border-stone-400 bg-white px-2">
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
        <p className="mt-1 text-sm text-stone-700">Changing between trainee and supervisor removes their supervision links.</p>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || role === props.role}>
        {pending ? "Saving…" : "Change role"}
      </Button>
    </form>
  );
}
