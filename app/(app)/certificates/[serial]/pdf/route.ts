import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { certificatePdf, getCertificateForDownload } from "@/lib/modules/certificates";
import { appBaseUrl } from "@/lib/email/base-url";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ serial: string }> }) {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  const { serial } = await params;
  try {
    const cert = await getCertificateForDownload(ctx, serial);
    const bytes = await certificatePdf(cert, `${appBaseUrl()}/verify/${cert.serial}`);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="rapport-certificate-${cert.serial}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw e;
  }
}
