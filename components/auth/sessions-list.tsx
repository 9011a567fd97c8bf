"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { endOtherSessionsAction, endSessionAction } from "@/lib/auth/actions/account";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type SessionItem = { id: string; createdAt: string; lastSeenAt: string; device: string; current: boolean };

export function SessionsList({ sessions }: { sessions: SessionItem[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const others = sessions.filter((s) => !s.current).length;

  const run = async (fn: () => Promise<{ ok: boolean; error?: string }>, done: string): Promise<string | null> => {
    const r = await fn();
    if (!r.ok) return r.error ?? "That didn't work. Try again.";
    setMessage({ tone: "success", text: done });
    router.refresh();
    return null;
  };

  return (
    <div className="space-y-3">
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <ul className="divide-y divide-stone-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>
              <span className="font-medium">{s.device}</span>
              {s.current ? <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-brand-800">This device</span> : null}
              <br />
              <span className="text-stone-700">
                Signed in {s.createdAt} · last active {s.lastSeenAt}
              </span>
            </span>
            {s.current ? null : (
              <ConfirmDialog
                triggerLabel="Sign out this session"
                triggerVariant="secondary"
                title={`Sign out ${s.device}?`}
                confirmLabel={`Sign out ${s.device}`}
                onConfirm={() => run(() => endSessionAction({ sessionId: s.id }), "That session has been signed out.")}
              >
                <p>Whoever is using that session is signed out at once and has to sign in again with your password.</p>
              </ConfirmDialog>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <ConfirmDialog
          triggerLabel="Sign out all other sessions"
          title={`Sign out ${others === 1 ? "your other session" : `all ${others} other sessions`}?`}
          confirmLabel="Sign out all other sessions"
          onConfirm={() => run(() => endOtherSessionsAction({}), "Every other session has been signed out.")}
        >
          <p>Every device except this one is signed out at once. Use this if you signed in somewhere you no longer trust, then change your password.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
