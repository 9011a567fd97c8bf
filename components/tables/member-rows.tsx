import Link from "next/link";
import { ROLE_LABELS } from "@/lib/core/permissions";
import type { MemberRow } from "@/lib/orgs/members";
import type { LastSignIn } from "@/lib/orgs/security";
import { describeMethod } from "@/lib/auth/device-label";
import { formatDateTime } from "@/lib/util/intl";

const cell = "px-4 py-2";

/** The member list's rows (plain links and text: rendered on the server, nothing hydrates). */
export function MemberRows({
  rows,
  cohortsOf,
  bulkForm,
  lastSignIns,
}: {
  rows: MemberRow[];
  cohortsOf: Map<string, { name: string }[]>;
  bulkForm?: string;
  /** Each member's last sign-in and how, with the organisation's time zone. */
  lastSignIns?: { byMembership: Map<string, LastSignIn>; zone: string };
}) {
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
      {lastSignIns ? <td className={cell}>{lastSignInText(lastSignIns.byMembership.get(m.membershipId), lastSignIns.zone)}</td> : null}
    </tr>
  ));
}

function lastSignInText(last: LastSignIn | undefined, zone: string): string {
  return last ? `${formatDateTime(last.at, zone)} · ${describeMethod(last.method, last.secondFactor)}` : "Never";
}
