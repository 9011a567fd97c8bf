import type { Metadata } from "next";
import Link from "next/link";
import { OpenCalibrationRoundForm } from "@/components/calibration/open-round-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { MIN_INVITEES } from "@/lib/calibration/schemas";
import { listReferenceOptions } from "@/lib/calibration/references";
import { listInvitableSupervisors } from "@/lib/calibration/rounds";
import { authedPage } from "@/lib/core/page";
import { param } from "@/lib/util/params";

export const metadata: Metadata = { title: "Open a calibration round" };

export default authedPage({ permission: "calibration.manage" }, async function NewCalibrationRoundPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [references, supervisors] = await Promise.all([listReferenceOptions(ctx), listInvitableSupervisors(ctx)]);
  const wanted = param(await searchParams, "reference", 80);
  const initial = references.some((r) => r.id === wanted) ? wanted : undefined;
  return (
    <>
      <PageHeader
        title="Open a calibration round"
        description="Invited supervisors each review the reference case alone, with the review form they use for real cases. They see each other's ratings only after submitting their own."
      />
      {supervisors.length < MIN_INVITEES ? (
        <Alert tone="info" title="Not enough supervisors yet">
          A round needs at least {MIN_INVITEES} active supervisors who have verified their email address. Invite supervisors on the <Link href="/admin/invitations">Invitations page</Link>.
        </Alert>
      ) : (
        <OpenCalibrationRoundForm references={references} supervisors={supervisors} initialReference={initial} />
      )}
      <p className="mt-6 text-sm text-stone-700">
        To use a trainee&apos;s own case, copy it on the <Link href="/calibration/references">Reference cases page</Link>: only cases whose authors have allowed it are offered.
      </p>
    </>
  );
});
