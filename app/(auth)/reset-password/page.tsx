import type { Metadata } from "next";
import Link from "next/link";
import { RequestResetForm } from "@/components/auth/reset-forms";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Reset your password" };

export default publicPage(function RequestResetPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Reset your password</h1>
      <p className="mt-2 text-stone-700">Enter the email address you sign in with and we&apos;ll email you a link to choose a new password.</p>
      <div className="mt-6">
        <RequestResetForm />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/login">Back to sign in</Link>
      </p>
    </>
  );
});
