"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { installStarterFormAction } from "@/lib/evaluations/actions/forms";

export function InstallStarterButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await installStarterFormAction({});
            if (!r.ok) return setError(r.error);
            router.push(`/evaluations/forms/${r.data.id}?saved=starter`);
          })
        }
      >
        {pending ? "Adding…" : "Add Rapport's starter form"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
