import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-forms";
import { Alert } from "@/components/ui/alert";
import { checkResetToken, resetStateMessage } from "@/lib/auth/password-reset";
import { publicPage } from "@/lib/core/page";
import { primePasswordCheck } from "@/lib/auth/password-strength";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default publicPage(async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkResetToken(token);
  if (state === "valid") primePasswordCheck();
  return (
    <>
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      <div className="mt-6">
        {state === "valid" ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Alert tone="error" title="This link can't be used">
            {resetStateMessage(state)} <Link href="/reset-password">Ask for a new link</Link>.
          </Alert>
        )}
      </div>
    </>
  );
});
