"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { endOtherSessionsAction, endSessionAction } from "@/lib/auth/actions/account";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type SessionItem = { id: string; createdAt: string; lastSeenAt: string; device: string; current: boolean };

export function SessionsList({ sessions }: { sessions: SessionItem[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const others = sessions.filter((s) => !s.current).length;

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok ? { tone: "success", text: done } : { tone: "error", text: r.error ?? "That didn't work. Try again." });
      router.refresh();
    });

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
              <Button variant="secondary" disabled={pending} onClick={() => run(() => endSessionAction({ sessionId: s.id }), "That session has been signed out.")}>
                Sign out this session
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Button variant="danger" disabled={pending} onClick={() => run(() => endOtherSessionsAction({}), "Every other session has been signed out.")}>
          Sign out all other sessions
        </Button>
      ) : null}
    </div>
  );
}
