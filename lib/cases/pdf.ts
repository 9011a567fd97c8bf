import { PDFDocument, StandardFonts } from "pdf-lib";
import { PdfWriter } from "@/lib/pdf/writer";
import { toWinAnsi } from "@/lib/pdf/text";
import { labelOf } from "./codes";
import type { StoredReviewEntry } from "@/db/schema";
import { ALLIANCE_READING_NOTE } from "./alliance";
import { conditionRows, INFERENCE_CAVEAT, RATINGS_CAVEAT, readReview, readSelfAssessment, type ConditionEntry } from "./conditions";
import type { StoredCaseContent } from "./schemas";
import { formatIn } from "@/lib/util/intl";

// A signed-off case as a PDF with a signature block, written with the shared PdfWriter.

export type PdfCase = {
  orgName: string;
  authorName: string;
  clientCode: string | null;
  codeListVersion: string;
  /** In the shape of codeListVersion (either stored shape). */
  content: StoredCaseContent;
  signedOffByName: string;
  signedOffAt: Date;
  signedOffVersion: number;
  ratings: Record<string, StoredReviewEntry> | null;
};

export async function buildCasePdf(c: PdfCase): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(`Rupture case ${c.clientCode ?? ""}`.trim()));
  doc.setProducer("Rapport");
  doc.setCreator("Rapport");
  const w = new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const v = c.codeListVersion;
  const x = c.content;
  w.text(`Rupture case ${c.clientCode ?? ""}`, { size: 18, bold: true, gap: 2 });
  w.text(`${c.orgName} - logged by ${c.authorName} - signed off, version ${c.signedOffVersion}`, { size: 10, gap: 10 });
  w.rule();
  // The year only: a month stored by a 2026.1 case is not printed (an identifying date element).
  w.field("Session", `Session ${x.sessionNumber ?? "?"}${x.periodYear ? `, ${x.periodYear}` : ""}`);
  w.field("Approach", labelOf("approach", x.approach, v));
  w.field("Rupture type", labelOf("ruptureType", x.ruptureType, v));
  w.field("Markers observed", (x.markers ?? []).map((m) => labelOf("marker", m, v)).join("; "));
  w.field("Salience (1-5)", x.salience ? String(x.salience) : "");
  w.field("Whose movement", labelOf("movement", x.whoseMovement, v));
  w.field("What happened", x.whatHappened ?? "");
  w.field("My own contribution", x.ownContribution ?? "");
  w.field("Strategies used", (x.strategies ?? []).map((s) => labelOf("strategy", s, v)).join("; "));
  w.field("Outcome", labelOf("outcome", x.outcome, v));
  w.field("What I would do next time", x.nextTime ?? "");
  const t = x.alliance?.therapist;
  const cl = x.alliance?.client;
  if (t || cl) {
    const s = (o: typeof t, k: "goals" | "tasks" | "bond") => (o?.[k] ? String(o[k]) : "-");
    w.field(
      "Alliance snapshot (trainee / client, 1-5)",
      `Goals ${s(t, "goals")} / ${s(cl, "goals")}; tasks ${s(t, "tasks")} / ${s(cl, "tasks")}; bond ${s(t, "bond")} / ${s(cl, "bond")}. ${ALLIANCE_READING_NOTE}`,
    );
  }
  w.rule();
  w.text("Rogers' six conditions (self-assessment / supervisor)", { size: 12, bold: true, gap: 4 });
  w.text(`${RATINGS_CAVEAT} ${INFERENCE_CAVEAT}`, { size: 9, gap: 8 });
  const self = readSelfAssessment(x.selfAssessment, v);
  const said = (e: ConditionEntry | undefined) => (!e ? "Not recorded" : e.note ? `Note: ${e.note}` : `${labelOf("rating", e.rating, v)}. ${e.evidence ?? ""}`.trim());
  for (const row of conditionRows(self, c.ratings ? readReview(c.ratings) : null)) {
    const tag = row.traineeChose ? " (chosen by the trainee)" : row.supervisorAdded ? " (added by the supervisor)" : "";
    w.text(`${labelOf("condition", row.code, v)}${tag}`, { bold: true, gap: 1 });
    w.text(`Self: ${said(row.self)}`, { indent: 10, gap: 1 });
    w.text(`Supervisor: ${said(row.supervisor)}`, { indent: 10, gap: row.supervisor?.quote ? 1 : 6 });
    if (row.supervisor?.quote) w.text(`Quoted: "${row.supervisor.quote.text}"`, { indent: 10, gap: 6 });
  }
  w.ensure(110);
  w.rule();
  w.text("Signature", { size: 12, bold: true, gap: 6 });
  const when = formatIn(c.signedOffAt, "en-AU", { dateStyle: "long", timeStyle: "short", timeZone: "Australia/Sydney" });
  w.text(`Signed off by: ${c.signedOffByName}`, { gap: 2 });
  w.text(`Date and time: ${when} (Sydney time)`, { gap: 2 });
  w.text(`Case version: ${c.signedOffVersion} (code lists ${c.codeListVersion})`, { gap: 18 });
  w.signatureLine("Supervisor's signature");
  return doc.save();
}
