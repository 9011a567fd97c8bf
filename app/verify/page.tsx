import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SerialForm, VerifyFrame } from "@/components/verify/verify-frame";
import { normaliseSerial } from "@/lib/util/serial";
import { publicPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Verify a certificate", robots: { index: false } };

/** Anyone can type a serial; a well-formed one goes to its verification page. */
export default publicPage(async function VerifyFormPage({ searchParams }: { searchParams: Promise<{ serial?: string | string[] }> }) {
  const raw = (await searchParams).serial;
  const typed = typeof raw === "string" ? raw.slice(0, 40) : "";
  const serial = typed ? normaliseSerial(typed) : null;
  if (serial) redirect(`/verify/${serial}`);
  return (
    <VerifyFrame>
      <p className="mt-3 text-stone-700">Type the serial printed on a Rapport certificate to check that it is genuine, who it was issued to and by which organisation.</p>
      <SerialForm value={typed} error={typed ? "That isn't a certificate serial. Serials look like RAP-XXXX-XXXX-XXXX-XXXX: RAP and sixteen letters and digits." : undefined} />
    </VerifyFrame>
  );
});
