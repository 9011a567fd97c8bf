import Link from "next/link";
import { ROLE_LABELS } from "@/lib/core/permissions";
import type { MemberRow } from "@/lib/orgs/members";

const cell = "px-4 py-2";

/** The member list's rows (plain links and text: rendered on the server, nothing hydrates). */
export function MemberRows({ rows, cohortsOf, bulkForm }: { rows: MemberRow[]; cohortsOf: Map<string, { name: string }[]>; bulkForm?: string }) {
  return rows.map((m) => (
    <tr key={m.membershipId}>
      {bulkForm ? (
        <td className={cell}>
          {/* Tied to the bulk-action form by its id, so the rows stay server-rendered. */}
          <input type="checkbox" name="membershipIds" value={m.membershipId} form={bulkForm} aria-label={`Select ${m.name}`} className="size-5" />
        </td>
      ) : null}
      <td className={cell}>
        <Link prefetch={false} href={`/admin/members/${m.membershipId}`}>{m.name}</Link>
      </td>
      <td className={cell}>
        {m.email}
        {m.emailVerified ? null : <> <span className="whitespace-nowrap text-sm font-medium text-amber-900">(email not verified)</span></>}
      </td>
      <td className={cell}>{ROLE_LABELS[m.role]}</td>
      <td className={cell}>{m.status === "active" ? "Active" : "Deactivated"}</td>
      <td className={cell}>{(cohortsOf.get(m.membershipId) ?? []).map((c) => c.name).join(", ") || "—"}</td>
    </tr>
  ));
}
