import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { DataTable } from "@/components/ui/data-table";
import type { PracticeLog } from "@/lib/practice/log";
import { LEVEL_REACHED_MEAN } from "@/lib/practice/scales";
import { markerLabel, strategyLabel } from "./labels";

/** Drills done, the level reached per marker, and feedback over time. */
export function PracticeLogView({ log }: { log: PracticeLog }) {
  const who = log.trainee.own ? "you" : log.trainee.name;
  return (
    <div className="space-y-8">
      <section aria-labelledby="done">
        <h2 id="done" className="text-lg font-semibold">
          Drills done
        </h2>
        {log.drills.length === 0 ? (
          <p className="mt-2 text-stone-700">{log.trainee.own ? "You haven't responded to a drill yet." : `${log.trainee.name} hasn't responded to a drill yet.`}</p>
        ) : (
          <div className="mt-2">
            <DataTable label="Drills done" caption="Drills done" columns={["Drill", "Attempts", "Best rating (of 5)", "Last attempt"]}>
              <tbody className="divide-y divide-stone-200">
                {log.drills.map((d) => (
                  <tr key={d.drillKey}>
                    <td className="px-3 py-2">
                      <Link href={`/practice/drills/${d.drillKey}/compare${log.trainee.own ? "" : `?trainee=${log.trainee.membershipId}`}`}>{d.title}</Link>
                    </td>
                    <td className="px-3 py-2">{d.attempts}</td>
                    <td className="px-3 py-2">{d.best ?? "Not rated yet"}</td>
                    <td className="px-3 py-2">{formatDate(d.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        )}
      </section>
      <section aria-labelledby="levels">
        <h2 id="levels" className="text-lg font-semibold">
          Levels reached per marker
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          A level is reached when a response to a drill of that level showing the marker was rated {LEVEL_REACHED_MEAN} or more on average by a supervisor.
        </p>
        <div className="mt-2">
          <DataTable label="Levels per marker" caption={`Levels ${who} reached per marker`} columns={["Marker", "Level reached (of 3)"]}>
            <tbody className="divide-y divide-stone-200">
              {log.levels.map((l) => (
                <tr key={l.marker}>
                  <td className="px-3 py-2">{markerLabel(l.marker)}</td>
                  <td className="px-3 py-2">{l.level === 0 ? "Not yet" : l.level}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      </section>
      <section aria-labelledby="over-time">
        <h2 id="over-time" className="text-lg font-semibold">
          Feedback over time
        </h2>
        {log.feedback.length === 0 ? (
          <p className="mt-2 text-stone-700">No feedback yet.</p>
        ) : (
          <div className="mt-2">
            <DataTable label="Feedback over time" caption="Feedback over time, oldest first" columns={["Date", "Drill", "Attunement", "Non-defensiveness", "Invitation", "Average", "Strategies shown", "By"]}>
              <tbody className="divide-y divide-stone-200">
                {log.feedback.map((f, i) => (
                  <tr key={`${f.attemptId}-${i}`}>
                    <td className="px-3 py-2">{formatDate(f.at)}</td>
                    <td className="px-3 py-2">
                      <Link href={`/practice/attempts/${f.attemptId}`}>{f.title}</Link>
                    </td>
                    <td className="px-3 py-2">{f.attunement}</td>
                    <td className="px-3 py-2">{f.nonDefensiveness}</td>
                    <td className="px-3 py-2">{f.invitation}</td>
                    <td className="px-3 py-2 font-medium">{f.mean}</td>
                    <td className="px-3 py-2 text-stone-700">{f.strategies.map(strategyLabel).join("; ") || "—"}</td>
                    <td className="px-3 py-2">{f.reviewer}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        )}
      </section>
    </div>
  );
}
