import { PDFDocument, StandardFonts } from "pdf-lib";
import { PdfWriter } from "@/lib/pdf/writer";
import { formatIn } from "@/lib/util/intl";
import { ratingLabel, recommendationLabel, type FormDefinition, type StoredCompetencyRating } from "./definition";

// A signed (locked) evaluation as a PDF: both sides per competency, the recommendation, the
// trainee's disagreement if any, and both typed-name attestations with their times.

export type PdfEvaluation = {
  orgName: string;
  roundName: string;
  traineeName: string;
  supervisorName: string;
  formName: string;
  formNumber: number;
  definition: FormDefinition;
  self: { ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null };
  supervisor: { ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null };
  traineeSignedName: string;
  traineeSignedAt: Date;
  supervisorSignedName: string;
  supervisorSignedAt: Date;
  disagreement: string | null;
};

const when = (d: Date) => `${formatIn(d, "en-AU", { dateStyle: "long", timeStyle: "short", timeZone: "Australia/Sydney" })} (Sydney time)`;

export async function buildEvaluationPdf(e: PdfEvaluation): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Competency evaluation: ${e.roundName}`.replace(/[^\x20-\x7E]/g, "?"));
  doc.setProducer("Rapport");
  doc.setCreator("Rapport");
  const w = new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const def = e.definition;
  w.text(`Competency evaluation: ${e.roundName}`, { size: 18, bold: true, gap: 2 });
  w.text(`${e.orgName} - trainee ${e.traineeName} - supervisor ${e.supervisorName}`, { gap: 2 });
  w.text(`Form: ${e.formName}, version ${e.formNumber}. Signed by both and locked.`, { size: 9, gap: 8 });
  w.rule();
  w.text("Rating scale", { size: 12, bold: true, gap: 4 });
  for (const p of def.scale.points) w.text(`${p.value} - ${p.label}${p.description ? `: ${p.description}` : ""}`, { size: 9, gap: 1 });
  if (def.scale.notObserved.allowed) w.text(`${def.scale.notObserved.label}${def.scale.notObserved.description ? `: ${def.scale.notObserved.description}` : ""}`, { size: 9, gap: 1 });
  w.y -= 6;
  for (const d of def.domains) {
    w.ensure(60);
    w.rule();
    w.text(d.title, { size: 12, bold: true, gap: 4 });
    for (const c of d.competencies) {
      const s = e.self.ratings[c.code];
      const v = e.supervisor.ratings[c.code];
      w.ensure(40);
      w.text(c.title, { bold: true, gap: 1 });
      w.text(`Self: ${ratingLabel(def, s?.rating)}${s?.comment ? `. ${s.comment}` : ""}`, { indent: 10, gap: 1 });
      w.text(`Supervisor: ${ratingLabel(def, v?.rating)}${v?.comment ? `. ${v.comment}` : ""}`, { indent: 10, gap: 6 });
    }
  }
  w.rule();
  w.text("Overall", { size: 12, bold: true, gap: 4 });
  w.field(`${def.recommendation.question} (supervisor)`, recommendationLabel(def, e.supervisor.recommendation));
  if (e.self.recommendation) w.field(`${def.recommendation.question} (trainee's view)`, recommendationLabel(def, e.self.recommendation));
  w.field("Supervisor's overall comment", e.supervisor.overallComment);
  w.field("Trainee's overall comment", e.self.overallComment);
  if (e.disagreement) w.field("Disagreement recorded by the trainee", e.disagreement);
  w.ensure(170);
  w.rule();
  w.text("Signatures", { size: 12, bold: true, gap: 4 });
  w.text("Each signature is a typed-name attestation that the signer has read this evaluation. The trainee's signature does not mean agreement.", { size: 9, gap: 8 });
  w.text(`Supervisor: ${e.supervisorSignedName}`, { gap: 1 });
  w.text(`Signed: ${when(e.supervisorSignedAt)}`, { gap: 14 });
  w.signatureLine("Supervisor's signature");
  w.text(`Trainee: ${e.traineeSignedName}`, { gap: 1 });
  w.text(`Signed: ${when(e.traineeSignedAt)}`, { gap: 14 });
  w.signatureLine("Trainee's signature");
  return doc.save();
}
