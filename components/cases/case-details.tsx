import { ALLIANCE_READING_NOTE, allianceGap } from "@/lib/cases/alliance";
import { labelOf, STRATEGY_FAMILIES, STRATEGIES } from "@/lib/cases/codes";
import { conditionRows, PRECONDITION_NOTE, readSelfAssessment } from "@/lib/cases/conditions";
import type { CaseDraft, StoredCaseContent } from "@/lib/cases/schemas";
import { EntryText, RatingsCaveat } from "./conditions-display";
import { RISK_KINDS, RISK_LEVELS, RISK_TOLD, RISK_WHEN, riskLabel } from "@/lib/cases/risk";

// A case's content, read-only (case page, review page, print). Quoted spans can be highlighted.

type Highlight = { field: string; start: number; end: number; label: string };

function Narrative({ field, text, highlights }: { field: string; text?: string; highlights: Highlight[] }) {
  if (!text) return <p className="text-stone-700">Not recorded.</p>;
  const mine = highlights.filter((h) => h.field === field).sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const h of mine) {
    if (h.start < at) continue;
    parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={`${h.start}-${h.label}`} className="rounded-sm bg-amber-100 text-stone-900" title={h.label}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return (
    <p className="whitespace-pre-wrap break-words text-stone-900" data-narrative={field}>
      {parts}
    </p>
  );
}

export function CaseDetails({ content, codeListVersion, highlights = [], headingLevel = 2 }: { content: StoredCaseContent; codeListVersion: string; highlights?: Highlight[]; headingLevel?: 2 | 3 }) {
  const v = codeListVersion;
  const H = headingLevel === 2 ? "h2" : "h3";
  const gap = allianceGap(content.alliance);
  const hasAlliance = gap.some((g) => g.therapist != null || g.client != null);
  return (
    <div className="space-y-5 print-avoid-break">
      <section aria-label="Session">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Client code</dt>
          <dd>{content.clientCode ?? "Not recorded"}</dd>
          <dt className="font-medium">Session</dt>
          <dd>
            {/* The year only: a month stored by a 2026.1 case is kept but not shown (an identifying date element). */}
            {content.sessionNumber ? `Session ${content.sessionNumber}` : "Not recorded"}
            {content.periodYear ? `, ${content.periodYear}` : ""}
          </dd>
          <dt className="font-medium">Approach</dt>
          <dd>{labelOf("approach", content.approach, v)}</dd>
          <dt className="font-medium">Rupture type</dt>
          <dd>{labelOf("ruptureType", content.ruptureType, v)}</dd>
          <dt className="font-medium">Salience</dt>
          <dd>{content.salience ? `${content.salience} of 5` : "Not recorded"}</dd>
          <dt className="font-medium">Whose movement</dt>
          <dd>{labelOf("movement", content.whoseMovement, v)}</dd>
          <dt className="font-medium">Outcome</dt>
          <dd>{labelOf("outcome", content.outcome, v)}</dd>
        </dl>
      </section>
      <section>
        <H className="font-semibold">Markers observed</H>
        {content.markers?.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {content.markers.map((m) => (
              <li key={m}>{labelOf("marker", m, v)}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-700">None recorded.</p>
        )}
      </section>
      <section>
        <H className="font-semibold">What happened</H>
        <Narrative field="whatHappened" text={content.whatHappened} highlights={highlights} />
      </section>
      <section>
        <H className="font-semibold">Own contribution</H>
        <Narrative field="ownContribution" text={content.ownContribution} highlights={highlights} />
      </section>
      <section>
        <H className="font-semibold">Strategies used</H>
        {content.strategies?.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {STRATEGY_FAMILIES.flatMap((f) =>
              STRATEGIES.filter((s) => s.family === f.code && content.strategies?.includes(s.code)).map((s) => (
                <li key={s.code}>
                  {labelOf("strategy", s.code, v)} <span className="text-stone-700">({f.label.toLowerCase()})</span>
                </li>
              )),
            )}
          </ul>
        ) : (
          <p className="text-sm text-stone-700">None recorded.</p>
        )}
      </section>
      <section>
        <H className="font-semibold">What next time</H>
        <Narrative field="nextTime" text={content.nextTime} highlights={highlights} />
      </section>
      <section>
        <H className="font-semibold">Risk</H>
        <RiskSummary risk={content.risk} />
      </section>
      {hasAlliance ? (
        <section>
          <H className="font-semibold">Alliance snapshot</H>
          <p className="text-sm text-stone-700">{ALLIANCE_READING_NOTE}</p>
          <AllianceTable gap={gap} />
        </section>
      ) : null}
      <SelfAssessmentSummary raw={content.selfAssessment} version={v} H={H} />
    </div>
  );
}

/** The trainee's self-assessment in either stored shape: six ratings (2026.1), or notes and chosen conditions. */
function SelfAssessmentSummary({ raw, version, H }: { raw: unknown; version: string; H: "h2" | "h3" }) {
  const self = readSelfAssessment(raw, version);
  const rows = conditionRows(self);
  return (
    <section>
      <H className="font-semibold">Trainee&apos;s self-assessment</H>
      <RatingsCaveat className="mt-1" />
      {self.shape === "six_rated" ? (
        <p className="mt-1 text-sm text-stone-700">Recorded with the earlier checklist, which rated all six conditions.</p>
      ) : (
        <p className="mt-1 text-sm text-stone-700">{PRECONDITION_NOTE} The trainee chose the conditions most in play and rated those.</p>
      )}
      <ul className="mt-2 space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.code}>
            <span className="font-medium">{labelOf("condition", r.code, version)}:</span>{" "}
            <EntryText entry={r.self} version={version} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AllianceTable({ gap }: { gap: ReturnType<typeof allianceGap> }) {
  const label = { goals: "Agreement on goals", tasks: "Agreement on tasks", bond: "Bond" } as const;
  return (
    <table className="mt-1 w-full max-w-md text-left text-sm">
      <caption className="sr-only">Alliance snapshot: the trainee&apos;s view and the client&apos;s as the trainee reports it, 1 to 5, and the gap</caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col" className="py-1 pr-3">Dimension</th>
          <th scope="col" className="py-1 pr-3">Trainee</th>
          <th scope="col" className="py-1 pr-3">Client (as reported)</th>
          <th scope="col" className="py-1">Gap</th>
        </tr>
      </thead>
      <tbody>
        {gap.map((g) => (
          <tr key={g.dimension} className="border-b border-stone-200">
            <th scope="row" className="py-1 pr-3 font-normal">{label[g.dimension]}</th>
            <td className="py-1 pr-3">{g.therapist ?? "—"}</td>
            <td className="py-1 pr-3">{g.client ?? "—"}</td>
            <td className="py-1">
              {g.gap == null ? "—" : g.gap === 0 ? "Same" : g.gap < 0 ? `Client ${-g.gap} lower` : `Client ${g.gap} higher`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Risk section as recorded; cases logged before it existed say so. */
function RiskSummary({ risk }: { risk: CaseDraft["risk"] }) {
  if (!risk?.level) return <p className="text-sm text-stone-700">Not recorded (the case was logged before the Risk section existed, or the draft leaves it blank).</p>;
  if (risk.level === "none") return <p className="text-sm">{riskLabel(RISK_LEVELS, "none")}.</p>;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm">
      <dt className="font-medium">Recorded</dt>
      <dd>{riskLabel(RISK_LEVELS, risk.level)}</dd>
      <dt className="font-medium">Kind</dt>
      <dd>{risk.kinds?.length ? risk.kinds.map((k) => riskLabel(RISK_KINDS, k)).join("; ") : "Not recorded"}</dd>
      <dt className="font-medium">Who was told</dt>
      <dd>{risk.told?.length ? risk.told.map((k) => riskLabel(RISK_TOLD, k)).join("; ") : "Not recorded"}</dd>
      <dt className="font-medium">When</dt>
      <dd>{riskLabel(RISK_WHEN, risk.toldWhen)}</dd>
      <dt className="font-medium">What was done</dt>
      <dd className="whitespace-pre-wrap">{risk.actionTaken || "Not recorded"}</dd>
    </dl>
  );
}
