import { DataTable } from "@/components/ui/data-table";

export type SignInRow = { id: string; at: string; method: string; device: string; address: string | null; state: string };

/** The person's own recent sign-ins: when, how, and from roughly where. */
export function SignInHistory({ rows }: { rows: SignInRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-stone-700">No sign-ins recorded yet.</p>;
  return (
    <DataTable label="Recent sign-ins" caption="Recent sign-ins, newest first" columns={["When", "How", "Client", "Now"]}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-stone-200">
            <td className="px-3 py-2">{r.at}</td>
            <td className="px-3 py-2">{r.method}</td>
            <td className="px-3 py-2">
              {r.device}
              {r.address ? <span className="text-stone-700"> · {r.address}</span> : null}
            </td>
            <td className="px-3 py-2">{r.state}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
