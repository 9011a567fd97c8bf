import type { Metadata } from "next";
import Link from "next/link";
import { formatAuDate, verifyCertificate } from "@/lib/modules/certificates";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Verify a certificate", robots: { index: false } };

export default publicPage(async function VerifyPage({ params }: { params: Promise<{ serial: string }> }) {
  const { serial } = await params;
  const cert = await verifyCertificate(decodeURIComponent(serial).toUpperCase());
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
        <Link href="/" className="no-underline">
          Rapport
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Certificate verification</h1>
      {cert ? (
        <div className="mt-6 rounded-lg border border-green-700 bg-green-50 p-6">
          <p className="font-semibold text-green-900">This certificate is genuine.</p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium">Name</dt>
            <dd data-testid="verify-name">{cert.recipientName}</dd>
            <dt className="font-medium">Module</dt>
            <dd data-testid="verify-module">{cert.moduleTitle}</dd>
            <dt className="font-medium">Completed</dt>
            <dd>{formatAuDate(cert.issuedAt)}</dd>
            <dt className="font-medium">Serial</dt>
            <dd>{cert.serial}</dd>
          </dl>
        </div>
      ) : (
        <div className="mt-6 rounded-lg border border-red-700 bg-red-50 p-6">
          <p className="font-semibold text-red-900">We have no certificate with this serial.</p>
          <p className="mt-2">Check the serial on the certificate (it looks like RAP-XXXX-XXXX-XXXX-XXXX) and try again.</p>
        </div>
      )}
    </main>
  );
});
