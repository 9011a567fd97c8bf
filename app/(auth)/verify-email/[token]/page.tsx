import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { checkVerificationToken, VERIFY_MESSAGES } from "@/lib/auth/email-verification";
import { confirmEmailAction } from "@/lib/auth/actions/verify-email";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

// The link only shows a button: mail scanners that open links must not use it up, and nothing
// changes on a GET.
export default publicPage(async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkVerificationToken(token);
  return (
    <>
      <h1 className="text-2xl font-semibold">Confirm your email address</h1>
      <div className="mt-6">
        {state === "valid" ? (
          <form action={confirmEmailAction}>
            <input type="hidden" name="token" value={token} />
            <p className="mb-4 text-stone-700">Confirming shows that this mailbox is yours. Case material becomes visible to your account if your role allows it.</p>
            <Button type="submit" variant="primary">
              Confirm my email address
            </Button>
          </form>
        ) : (
          <Alert tone="error" title="This link can't be used">
            {VERIFY_MESSAGES[state]} <Link href="/account">Go to your account</Link>.
          </Alert>
        )}
      </div>
    </>
  );
});
