/**
 * A plain HTML form post to /api/sign-out (not a server action): the browser loads the sign-in
 * page afresh, so nothing of the signed-in pages stays in memory. Works without JavaScript.
 */
export function SignOutButton() {
  return (
    <form action="/api/sign-out" method="post">
      <button type="submit" className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100">
        Sign out
      </button>
    </form>
  );
}
