import { signOutAction } from "@/app/(app)/actions";

/** A plain form post: no client JavaScript, and it works before the page has hydrated. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100">
        Sign out
      </button>
    </form>
  );
}
