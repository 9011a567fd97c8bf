import "server-only";
import { certificatePdf } from "@/lib/certificates/pdf";
import { brandingOf, safeFilePart, transcriptFor, verifyUrlFor } from "@/lib/certificates/documents";
import { certificatesOf } from "@/lib/certificates/records";
import { hoursText } from "@/lib/orgs/settings-schemas";
import { toCsv } from "@/lib/reports/csv-write";
import { formatIsoDay } from "@/lib/util/intl";
import type { PortfolioPart } from "../types";

export const certificatesPart: PortfolioPart = {
  id: "certificates",
  title: "Certificates",
  describe: () => "certificates/: each certificate of completion as a PDF, and certificates.csv listing them (module, completion date, CPD hours, serial, where to check it).",
  async files(subject) {
    const [records, branding] = await Promise.all([certificatesOf(subject.orgId, subject.membershipId), brandingOf(subject.orgId)]);
    const files = [];
    for (const r of records) {
      files.push({ path: `certificates/${r.serial}-${safeFilePart(r.moduleSlug)}.pdf`, data: await certificatePdf(r, branding, verifyUrlFor(r.serial)) });
    }
    files.push({
      path: "certificates/certificates.csv",
      data: toCsv(
        ["module", "completed_on", "cpd_hours", "serial", "issued_by", "signatory", "verify_at"],
        records.map((r) => [r.moduleTitle, formatIsoDay(r.issuedAt, branding.timeZone), hoursText(r.cpdMinutes), r.serial, r.organisationName, r.signatoryName ?? "", verifyUrlFor(r.serial)]),
      ),
    });
    return files;
  },
};

export const transcriptPart: PortfolioPart = {
  id: "transcript",
  title: "Transcript",
  describe: () => "transcript.pdf: every completed module with its completion date, CPD hours and certificate serial, and the total hours.",
  async files(subject) {
    return [{ path: "transcript.pdf", data: await transcriptFor(subject.orgId, subject.membershipId, subject.name) }];
  },
};
