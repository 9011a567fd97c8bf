import type { Metadata } from "next";
import Link from "next/link";
import { decodeCursor, encodeCursor, formatDate } from "@/components/cases/format";
import { formatDay } from "@/components/evaluations/format";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listCalibrationRounds, type RoundListRow } from "@/lib/calibration/rounds";
import { can } from "@/lib/core/permissions";
import { authedPage } from "@/lib/core/page";
import { param } from "@/lib/util/params";

export const metadata: Metadata = { title: "Supervisor calibration" };

const cell = "px-3 py-2";

function where(r: RoundListRow): string {
  if (r.mine) {
    if (r.mine.submitted) return "You have submitted: see the results";
    return r.state === "open" ? "Waiting for your review" : "Closed before you submitted";
  }
  return `${r.submitted} of ${r.invited} submitted`;
}

export default authedPage({ permission: "calibration.view" }, async function CalibrationPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const after = param(sp, "after", 600);
  const { rows, next } = await listCalibrationRounds(ctx, decodeCursor(after));
  const admin = can(ctx.role, "calibration.manage");
  const older = encodeCursor(next);
  return (
    <>
      <PageHeader
        title="Supervisor calibration"
        description={
          admin
            ? "Supervisors review the same reference case on their own, with the same form as real reviews; the results show how far they agree. It is formative: results are for the participants and admins, never for trainees."
            : "You review a reference case on your own, with the same form as your trainees' cases. Once you submit, you see how your ratings compare with the group's. Trainees never see calibration."
        }
        actions={
          <>
            <Link className={buttonClass("secondary")} href="/calibration/trend">
              Agreement over time
            </Link>
            {admin ? (
              <>
                <Link className={buttonClass("secondary")} href="/calibration/references">
                  Reference cases
                </Link>
                <Link className={buttonClass("primary")} href="/calibration/new">
                  Open a round
                </Link>
              </>
            ) : null}
          </>
        }
      />
      {rows.length === 0 ? (
        <p className="text-stone-700">{after ? "No more rounds." : admin ? "No calibration rounds yet. Open one on a reference case and invite two or more supervisors." : "You haven't been invited to a calibration round yet."}</p>
      ) : (
        <DataTable label="Calibration rounds" caption="Calibration rounds, newest first" columns={["Round", "Reference case", "Opened", "Due", "State", "Where it stands"]}>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={cell}>
                  <Link href={`/calibration/${r.id}`}>{r.name}</Link>
                </td>
                <td className={cell}>{r.referenceTitle}</td>
                <td className={cell}>{formatDate(r.openedAt)}</td>
                <td className={cell}>{formatDay(r.dueOn)}</td>
                <td className={cell}>{r.state === "open" ? "Open" : "Closed"}</td>
                <td className={cell}>{where(r)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {older ? (
        <p className="mt-3">
          <Link href={`/calibration?after=${older}`}>Older rounds</Link>
        </p>
      ) : null}
    </>
  );
});
