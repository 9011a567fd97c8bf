import type { Metadata } from "next";
import Link from "next/link";
import { VerifyFrame } from "@/components/verify/verify-frame";
import { verifyCertificate } from "@/lib/modules/certificates";
import { normaliseSerial } from "@/lib/util/serial";
import { hoursText } from "@/lib/orgs/settings-schemas";
import { formatLongDate } from "@/lib/util/intl";
import { NotFoundError } from "@/lib/core/errors";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Verify a certificate", robots: { index: false } };

export default publicPage(async function VerifyPage({ params }: { params: Promise<{ serial: string }> }) {
  const { serial } = await params;
  let decoded = "";
  try {
    decoded = decodeURIComponent(serial);
  } catch {
    throw new NotFoundError();
  }
  const cert = await verifyCertificate(normaliseSerial(decoded) ?? decoded.toUpperCase());
  // An unknown serial answers 404 (with the same friendly text, in not-found.tsx).
  if (!cert) throw new NotFoundError();
  const hours = hoursText(cert.cpdMinutes);
  return (
    <VerifyFrame>
      <div className="mt-6 rounded-lg border border-green-700 bg-green-50 p-6">
        <p className="font-semibold text-green-900">This certificate is genuine.</p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">Name</dt>
          <dd data-testid="verify-name">{cert.recipientName}</dd>
          <dt className="font-medium">Module</dt>
          <dd data-testid="verify-module">{cert.moduleTitle}</dd>
          <dt className="font-medium">Issued by</dt>
          <dd data-testid="verify-org">{cert.organisationName}</dd>
          <dt className="font-medium">Completed</dt>
          <dd>{formatLongDate(cert.issuedAt, cert.timeZone)}</dd>
          {hours ? (
            <>
              <dt className="font-medium">CPD hours</dt>
              <dd>{hours}</dd>
            </>
          ) : null}
          <dt className="font-medium">Serial</dt>
          <dd>{cert.serial}</dd>
        </dl>
      </div>
      <p className="mt-6">
        <Link href="/verify">Check another certificate</Link>
      </p>
    </VerifyFrame>
  );
});
