import type { Drill } from "@/lib/practice/types";
import { lensOf, levelLabel, markerLabel, ruptureLabel, strategyLabel } from "./labels";

/** The drill as a trainee meets it: the moment, the client's words, and (optionally) the clip. */
export function DrillMoment({ drill }: { drill: Drill }) {
  return (
    <article aria-labelledby="moment" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="moment" className="text-lg font-semibold">
        The moment
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {ruptureLabel(drill.ruptureType)} · {levelLabel(drill.difficulty)}
      </p>
      <p className="mt-3 whitespace-pre-line text-stone-800">{drill.context}</p>
      <blockquote className="mt-4 space-y-2 border-l-4 border-brand-600 pl-4" aria-label="What the client says">
        {drill.clientLines.map((line, i) => (
          <p key={i} className="text-stone-900">
            <span className="sr-only">Client: </span>
            {line}
          </p>
        ))}
      </blockquote>
      {drill.clip ? (
        <div className="mt-4">
          <p className="text-sm font-medium">Clip of this moment (your organisation&apos;s actors)</p>
          {drill.clip.type.startsWith("video/") ? (
            <video controls preload="none" src={`/practice/drills/${drill.key}/clip`} className="mt-1 w-full max-w-lg" aria-label="Clip of this moment">
              <track kind="captions" />
            </video>
          ) : (
            <audio controls preload="none" src={`/practice/drills/${drill.key}/clip`} className="mt-1 w-full max-w-md" aria-label="Clip of this moment" />
          )}
        </div>
      ) : null}
      {drill.lens ? (
        <p className="mt-4 text-sm">
          <span className="font-medium">{lensOf(drill.lens).kind === "approach" ? "Approach: " : "What to attend to: "}</span>
          {lensOf(drill.lens).text}
        </p>
      ) : null}
      <p className="mt-2 text-sm">
        <span className="font-medium">Markers: </span>
        {drill.markers.map(markerLabel).join("; ")}
      </p>
    </article>
  );
}

/** What the drill's author would say, and what tends to go wrong: shown once the trainee has tried. */
export function ModelAnswer({ drill }: { drill: Drill }) {
  return (
    <section aria-labelledby="model" className="rounded-lg border border-green-700 bg-green-50 p-5">
      <h2 id="model" className="text-lg font-semibold">
        One way to respond
      </h2>
      <p className="mt-2 whitespace-pre-line text-stone-900">{drill.modelResponse}</p>
      {drill.suggestedStrategies.length ? (
        <p className="mt-3 text-sm">
          <span className="font-medium">Repair strategies it uses: </span>
          {drill.suggestedStrategies.map(strategyLabel).join("; ")}
        </p>
      ) : null}
      {drill.pitfalls.length ? (
        <>
          <h3 className="mt-4 font-semibold">Pitfalls</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {drill.pitfalls.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
