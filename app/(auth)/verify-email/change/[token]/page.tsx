import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkEmailChangeToken, EMAIL_CHANGE_MESSAGES } from "@/lib/auth/email-change";
import { confirmEmailChangeAction } from "@/lib/auth/actions/email-change";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Confirm your new sign-in address", referrer: "no-referrer" };

// Like the verification link: the page only shows a button, so a mail scanner that opens the
// link changes nothing.
export default publicPage(async function ConfirmEmailChangePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ taken?: string }> }) {
  const [{ token }, { taken }] = await Promise.all([params, searchParams]);
  const check = await checkEmailChangeToken(token);
  return (
    <>
      <h1 className="text-2xl font-semibold">Confirm your new sign-in address</h1>
      <div className="mt-6 space-y-4">
        {taken ? (
          <Alert tone="error" title="Your address was not changed">
            {EMAIL_CHANGE_MESSAGES.taken}
          </Alert>
        ) : null}
        {check.state === "valid" && !taken ? (
          <form action={confirmEmailChangeAction}>
            <input type="hidden" name="token" value={token} />
            <p className="mb-4 text-stone-700">
              From now on you will sign in to Rapport with <strong>{check.newEmail}</strong>, and Rapport will write to you there.
            </p>
            <Button type="submit" variant="primary">
              Use this address
            </Button>
          </form>
        ) : check.state !== "valid" ? (
          <Alert tone="error" title="This link can't be used">
            {EMAIL_CHANGE_MESSAGES[check.state]} <Link href="/account">Go to your account</Link>.
          </Alert>
        ) : null}
      </div>
    </>
  );
});
