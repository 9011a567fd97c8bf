"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
    >
      Sign out
    </button>
  );
}
