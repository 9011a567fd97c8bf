import Link from "next/link";
import { formatDateTime, waitingFor } from "@/components/cases/format";
import { labelOf } from "@/lib/cases/codes";
import type { QueueRow } from "@/lib/cases/queue";

const cell = "px-4 py-2";

/** The review queue's rows, oldest submission first. */
export function QueueRows({ rows, now }: { rows: QueueRow[]; now: Date }) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td className={cell}>
        <Link prefetch={false} href={`/reviews/${r.id}`}>Review {r.clientCode ?? "case"}</Link>
      </td>
      <td className={cell}>{r.traineeName}</td>
      <td className={cell}>{labelOf("ruptureType", r.ruptureType)}</td>
      <td className={cell}>{r.submissionCount}</td>
      <td className={cell}>{formatDateTime(r.submittedAt)}</td>
      <td className={cell}>{waitingFor(r.submittedAt, now)}</td>
    </tr>
  ));
}
