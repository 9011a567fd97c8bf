import { authedRoute } from "@/lib/core/route";
import { appBaseUrl } from "@/lib/email/base-url";
import { summaryPdf } from "@/lib/hours/pdf";
import { getSummaryForDownload } from "@/lib/hours/summaries";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ params: Promise<{ serial: string }> }>({ audit: "/hours/summaries/[serial]/pdf" }, async (ctx, _req, { params }) => {
  const { serial } = await params;
  let wanted: string;
  try {
    wanted = decodeURIComponent(serial).toUpperCase();
  } catch {
    wanted = ""; // a malformed escape is simply not a serial
  }
  const s = await getSummaryForDownload(ctx, wanted);
  const bytes = await summaryPdf({ ...s.snapshot, serial: s.serial, issuedAt: s.createdAt }, `${appBaseUrl()}/verify/hours/${s.serial}`);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="rapport-hours-${s.serial}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
