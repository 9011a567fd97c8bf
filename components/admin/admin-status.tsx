"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";

const EVENT = "rapport:admin-status";

/** Announces a success whose button may vanish on refresh (e.g. a revoked invitation's row). */
export function announce(text: string) {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: text }));
}

export function AdminStatus() {
  const [text, setText] = useState("");
  const pathname = usePathname();
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    // A message belongs to the page it was shown on.
    setShownOn(pathname);
    setText("");
  }
  useEffect(() => {
    const on = (e: Event) => setText(String((e as CustomEvent).detail ?? ""));
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, []);
  return (
    <div role="status" className={text ? "mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900" : "sr-only"}>
      {text}
    </div>
  );
}
