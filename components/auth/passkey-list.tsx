"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { removePasskeyAction, renamePasskeyAction } from "@/lib/auth/actions/passkeys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export type PasskeyItem = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

function Row({ p, onMessage }: { p: PasskeyItem; onMessage: (m: { tone: "success" | "error"; text: string }) => void }) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = (run: (fd: FormData) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[] | undefined> }>, field: string, done: string) => async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setPending(true);
    const r = await run(new FormData(e.currentTarget));
    setPending(false);
    if (!r.ok) {
      setError(r.fieldErrors?.[field]?.[0] ?? r.error ?? "That didn't work. Try again.");
      return;
    }
    setMode("view");
    setError(null);
    onMessage({ tone: "success", text: done });
    router.refresh();
  };
  return (
    <li className="py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="font-medium">{p.name}</span>
          <br />
          <span className="text-stone-700">
            Added {p.createdAt} · {p.lastUsedAt ? `last used ${p.lastUsedAt}` : "not used yet"}
          </span>
        </span>
        {mode === "view" ? (
          <span className="flex gap-2">
            <Button variant="secondary" onClick={() => setMode("rename")} aria-label={`Rename ${p.name}`}>
              Rename
            </Button>
            <Button variant="danger" onClick={() => setMode("remove")} aria-label={`Remove ${p.name}`}>
              Remove
            </Button>
          </span>
        ) : null}
      </div>
      {mode === "rename" ? (
        <form noValidate className="mt-2 space-y-2" onSubmit={submit((fd) => renamePasskeyAction({ id: p.id, name: String(fd.get("name") ?? "") }), "name", "Passkey renamed.")}>
          <TextField label={`New name for ${p.name}`} name="name" defaultValue={p.name} maxLength={60} autoFocus error={error ?? undefined} />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              Save name
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {mode === "remove" ? (
        <form noValidate className="mt-2 space-y-2" onSubmit={submit((fd) => removePasskeyAction({ id: p.id, currentPassword: String(fd.get("currentPassword") ?? "") }), "currentPassword", `${p.name} removed.`)}>
          <TextField label="Your current password" name="currentPassword" type="password" autoComplete="current-password" autoFocus error={error ?? undefined} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              Remove {p.name}
            </Button>
            <Button variant="secondary" onClick={() => setMode("view")}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

export function PasskeyList({ passkeys }: { passkeys: PasskeyItem[] }) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <div>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      {passkeys.length === 0 ? (
        <p className="text-sm text-stone-700">No passkeys yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200" aria-label="Your passkeys">
          {passkeys.map((p) => (
            <Row key={p.id} p={p} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </div>
  );
}
