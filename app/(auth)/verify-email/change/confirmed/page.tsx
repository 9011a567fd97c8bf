import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Sign-in address changed" };

export default publicPage(function EmailChangedPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Sign-in address changed</h1>
      <div className="mt-6">
        <Alert tone="success" title="Done">
          Your account now uses the new address, and it is verified. Use it next time you sign in. <Link href="/account">Go to your account</Link>.
        </Alert>
      </div>
    </>
  );
});
