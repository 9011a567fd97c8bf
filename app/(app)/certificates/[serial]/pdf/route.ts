import { authedRoute } from "@/lib/core/route";
import { certificatePdf, getCertificateForDownload } from "@/lib/modules/certificates";
import { appBaseUrl } from "@/lib/email/base-url";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ params: Promise<{ serial: string }> }>({ audit: "/certificates/[serial]/pdf" }, async (ctx, _req, { params }) => {
  const { serial } = await params;
  const cert = await getCertificateForDownload(ctx, serial);
  const bytes = await certificatePdf(cert, `${appBaseUrl()}/verify/${cert.serial}`);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="rapport-certificate-${cert.serial}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
