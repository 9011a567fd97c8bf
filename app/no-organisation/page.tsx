import { SignOutButton } from "@/components/shell/sign-out-button";
import { publicPage } from "@/lib/core/page";

export default publicPage(function NoOrganisation() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">You&apos;re not part of an organisation</h1>
      <p className="mt-3 text-stone-700">
        Your account has no active membership. If you think this is a mistake, ask your organisation&apos;s admin to
        reactivate you or send a new invitation.
      </p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </main>
  );
});
