import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { auditDenied } from "@/lib/core/denied";
import { appBaseUrl } from "@/lib/email/base-url";
import { summaryPdf } from "@/lib/hours/pdf";
import { getSummaryForDownload } from "@/lib/hours/summaries";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ serial: string }> }) {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  const { serial } = await params;
  try {
    const s = await getSummaryForDownload(ctx, decodeURIComponent(serial).toUpperCase());
    const bytes = await summaryPdf({ ...s.snapshot, serial: s.serial, issuedAt: s.createdAt }, `${appBaseUrl()}/verify/hours/${s.serial}`);
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="rapport-hours-${s.serial}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) {
      await auditDenied("route:/hours/summaries/[serial]/pdf");
      return new Response("Not found", { status: 404 });
    }
    throw e;
  }
}
