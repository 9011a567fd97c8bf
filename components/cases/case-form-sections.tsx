"use client";

import { useId, type ReactNode } from "react";
import type { FieldErrors, UseFormRegister, FieldValues, Path } from "react-hook-form";
import { FieldMessage } from "@/components/ui/field";
import { ALLIANCE_DIMENSIONS, MARKERS, markersFor, RATINGS, STRATEGIES, STRATEGY_FAMILIES, type RuptureType } from "@/lib/cases/codes";
import { ALLIANCE_ANCHORS, ALLIANCE_ASKING, ALLIANCE_NOT_A_MEASURE, ALLIANCE_SECOND_HAND, allianceGap } from "@/lib/cases/alliance";
import { HOPELESSNESS_NOTE } from "@/lib/cases/risk-language";
import type { CaseFormValues } from "./form-values";
import { AllianceTable } from "./case-details";

type Reg = UseFormRegister<CaseFormValues>;
type Errs = FieldErrors<CaseFormValues>;

export function Section({ title, children, description }: { title: string; description?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="text-sm text-stone-700">{description}</p> : null}
      {children}
    </section>
  );
}

/** A group of radios with a legend, its error announced and linked. */
export function RadioGroup<V extends FieldValues = CaseFormValues>(props: { legend: ReactNode; name: Path<V>; options: readonly { code: string; label: string }[]; register: UseFormRegister<V>; error?: string; hint?: ReactNode; inline?: boolean; disabled?: boolean }) {
  const id = useId();
  return (
    <fieldset aria-describedby={[props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].join(" ").trim() || undefined}>
      <legend className="text-sm font-medium text-stone-800">{props.legend}</legend>
      {props.hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-700">
          {props.hint}
        </p>
      ) : null}
      <div className={`mt-1 flex ${props.inline ? "flex-row flex-wrap gap-x-4" : "flex-col"}`}>
        {props.options.map((o) => (
          <label key={o.code} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value={o.code} disabled={props.disabled} className="h-5 w-5" {...props.register(props.name)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessage id={id} error={props.error} />
    </fieldset>
  );
}

export function MarkerFields({ type, register, error }: { type: string; register: Reg; error?: string }) {
  const id = useId();
  const allowed = markersFor((type || null) as RuptureType | null);
  if (!type) return <p className="text-sm text-stone-700">Choose the rupture type first: the markers offered depend on it.</p>;
  const groups = (["withdrawal", "confrontation"] as const).filter((g) => allowed.some((m) => m.type === g));
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">Markers observed</legend>
      {groups.map((g) => (
        <fieldset key={g} className="mt-2">
          <legend className="text-sm font-semibold text-stone-800">{g === "withdrawal" ? "Withdrawal markers" : "Confrontation markers"}</legend>
          {MARKERS.filter((m) => m.type === g).map((m) => (
            <div key={m.code}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" value={m.code} className="h-5 w-5" {...register("markers")} aria-describedby={m.code === "w_self_critical" ? `${id}-hopeless` : undefined} />
                {m.label}
              </label>
              {m.code === "w_self_critical" ? (
                <p id={`${id}-hopeless`} className="ml-7 text-sm text-rose-900">
                  {HOPELESSNESS_NOTE}
                </p>
              ) : null}
            </div>
          ))}
        </fieldset>
      ))}
      <FieldMessage id={id} error={error} />
    </fieldset>
  );
}

export function StrategyFields({ register, error }: { register: Reg; error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">Resolution strategies you used</legend>
      {STRATEGY_FAMILIES.map((f) => (
        <fieldset key={f.code} className="mt-2">
          <legend className="text-sm font-semibold text-stone-800">{f.label}</legend>
          {STRATEGIES.filter((s) => s.family === f.code).map((s) => (
            <label key={s.code} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={s.code} className="h-5 w-5" {...register("strategies")} />
              {s.label}
            </label>
          ))}
        </fieldset>
      ))}
      <FieldMessage id={id} error={error} />
    </fieldset>
  );
}

const SCORE_OPTIONS = ["1", "2", "3", "4", "5"];

export const ALLIANCE_INTRO = "Your sense, 1 to 5, of the working alliance after the session (Bordin's goals, tasks and bond); and the client's, where they gave you a view.";

export function AllianceFields({ register, values, errors }: { register: Reg; values: CaseFormValues["alliance"]; errors: Errs }) {
  const num = (s: string) => (s ? Number(s) : undefined);
  const gap = allianceGap({
    therapist: { goals: num(values.therapist.goals), tasks: num(values.therapist.tasks), bond: num(values.therapist.bond) },
    client: { goals: num(values.client.goals), tasks: num(values.client.tasks), bond: num(values.client.bond) },
  });
  const anchorId = (d: string) => `alliance-anchor-${d}`;
  return (
    <div className="space-y-4">
      <div className="space-y-2 text-sm text-stone-700">
        <p className="font-medium text-stone-900">{ALLIANCE_NOT_A_MEASURE}</p>
        <p>{ALLIANCE_SECOND_HAND}</p>
        <p>{ALLIANCE_ASKING}</p>
      </div>
      <div className="rounded-md border border-stone-200 p-3">
        <h3 className="text-sm font-semibold text-stone-900">What the numbers mean</h3>
        <dl className="mt-2 space-y-3 text-sm">
          {ALLIANCE_DIMENSIONS.map((d) => {
            const a = ALLIANCE_ANCHORS[d.code];
            return (
              <div key={d.code} id={anchorId(d.code)}>
                <dt className="font-medium text-stone-900">
                  {d.label}: <span className="font-normal text-stone-700">{a.construct}</span>
                </dt>
                <dd className="mt-1">
                  <ul className="space-y-0.5 pl-1">
                    <li>1: {a[1]}</li>
                    <li>3: {a[3]}</li>
                    <li>5: {a[5]}</li>
                  </ul>
                </dd>
              </div>
            );
          })}
        </dl>
        <p className="mt-2 text-sm text-stone-700">2 and 4 fall between.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["therapist", "client"] as const).map((who) => (
          <fieldset key={who}>
            <legend className="text-sm font-semibold text-stone-800">{who === "therapist" ? "Your view after the session" : "The client's view, as they told you (if they gave one)"}</legend>
            {ALLIANCE_DIMENSIONS.map((d) => {
              const name = `alliance.${who}.${d.code}` as const;
              const err = errors.alliance?.[who]?.[d.code]?.message;
              const id = `alliance-${who}-${d.code}`;
              return (
                <div key={d.code} className="mt-2">
                  <label htmlFor={id} className="block text-sm">
                    {d.label} (1 to 5)
                  </label>
                  <select
                    id={id}
                    {...register(name)}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={[anchorId(d.code), err ? `${id}-error` : ""].join(" ").trim()}
                    className="mt-1 min-h-11 w-40 rounded-md border border-stone-400 bg-white px-2"
                  >
                    <option value="">Not rated</option>
                    {SCORE_OPTIONS.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                  <FieldMessage id={id} error={err} />
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div aria-live="polite">
        <p className="text-sm text-stone-700">Client and therapist views often differ, and the client&apos;s view predicts outcome better. Therapists rarely notice unaided when a client is getting worse.</p>
        <AllianceTable gap={gap} />
      </div>
    </div>
  );
}

export function RatingHelp() {
  return (
    <p className="text-sm text-stone-700">
      Rogers saw these conditions as matters of degree: rate each as {RATINGS.slice(0, 3).map((r) => r.label.toLowerCase()).join(", ")}; or {RATINGS[3].label.toLowerCase()} when the case holds too
      little to judge.
    </p>
  );
}
