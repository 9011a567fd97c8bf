import { diffWords } from "@/lib/cases/diff";
import { FIELD_LABELS, scannableText } from "@/lib/cases/identifier-check";
import type { CaseDraft } from "@/lib/cases/schemas";

/** Field by field, the words removed and added between two versions of a case's text. */
export function VersionDiff({ before, after, headingLevel = 2, onlyChanged = false }: { before: CaseDraft; after: CaseDraft; headingLevel?: 2 | 3; onlyChanged?: boolean }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const a = { ...scannableText(before), ...(before.risk?.actionTaken ? { "risk.actionTaken": before.risk.actionTaken } : {}) };
  const b = { ...scannableText(after), ...(after.risk?.actionTaken ? { "risk.actionTaken": after.risk.actionTaken } : {}) };
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const shown = fields
    .map((f) => ({ f, segs: diffWords(a[f as keyof typeof a] ?? "", b[f as keyof typeof b] ?? "") }))
    .filter(({ segs }) => !onlyChanged || segs.some((s) => s.type !== "same"));
  if (shown.length === 0) return <p className="text-sm text-stone-700">The written text is unchanged; only choices in the form may differ.</p>;
  return (
    <div className="space-y-4">
      {shown.map(({ f, segs }) => {
        const changed = segs.some((s) => s.type !== "same");
        return (
          <section key={f} className="rounded-lg border border-stone-200 bg-white p-4">
            <H className="font-semibold">
              {f === "risk.actionTaken" ? "Risk: what was done" : (FIELD_LABELS[f] ?? f)} {changed ? "" : <span className="text-sm font-normal text-stone-700">(unchanged)</span>}
            </H>
            <p className="mt-2 whitespace-pre-wrap">
              {segs.map((s, i) =>
                s.type === "same" ? (
                  <span key={i}>{s.text}</span>
                ) : s.type === "added" ? (
                  <ins key={i} className="bg-green-100 text-green-950 underline">
                    {s.text}
                  </ins>
                ) : (
                  <del key={i} className="bg-red-100 text-red-950 line-through">
                    {s.text}
                  </del>
                ),
              )}
            </p>
          </section>
        );
      })}
    </div>
  );
}
