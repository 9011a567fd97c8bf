import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Email address confirmed" };

export default publicPage(function EmailConfirmedPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Email address confirmed</h1>
      <div className="mt-6">
        <Alert tone="success" title="Thank you">
          Your email address is verified. <Link href="/home">Continue to Rapport</Link>.
        </Alert>
      </div>
    </>
  );
});
