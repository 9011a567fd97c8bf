import "server-only";
import { strToU8, zipSync, type Zippable } from "fflate";
import { formatDateTime } from "@/lib/util/intl";
import type { PortfolioPart, PortfolioSubject, PortfolioViewer } from "./types";

/** Runs each part and zips what they return, with a README.txt saying what is in the file. */
export async function buildPortfolioZip(
  subject: PortfolioSubject,
  viewer: PortfolioViewer,
  parts: readonly PortfolioPart[],
  meta: { organisationName: string; timeZone: string; exportedBy: string; now?: Date },
): Promise<{ bytes: Uint8Array; paths: string[] }> {
  const now = meta.now ?? new Date();
  const entries: Zippable = {};
  const paths: string[] = [];
  for (const part of parts) {
    for (const f of await part.files(subject, viewer)) {
      // A part's paths are its own; two parts claiming one path is a programming error.
      if (entries[f.path] || f.path === "README.txt" || f.path.startsWith("/") || f.path.includes("..")) throw new Error(`portfolio: bad or duplicate path ${f.path} from part ${part.id}`);
      const data = typeof f.data === "string" ? strToU8(f.data) : f.data;
      // PDFs are already compressed: storing them saves time and gains nothing.
      entries[f.path] = [data, { level: f.path.endsWith(".pdf") ? 0 : 6, mtime: now }];
      paths.push(f.path);
    }
  }
  const readme = [
    `Rapport records of ${subject.name}`,
    `Organisation: ${meta.organisationName}`,
    `Exported ${formatDateTime(now, meta.timeZone)} (${meta.timeZone}) by ${viewer === "self" ? "the person themself" : `${meta.exportedBy}, an organisation admin`}.`,
    "",
    "What is in this file:",
    ...parts.map((p) => `- ${p.title}: ${p.describe(viewer)}`),
    "",
    "CSV files are UTF-8 with a byte-order mark and open in a spreadsheet. Times in CSV files are in UTC (ISO 8601).",
    "Case material is clinical: keep this file somewhere only you can reach, and delete it when you no longer need it.",
    "",
  ].join("\r\n");
  entries["README.txt"] = [strToU8(readme), { level: 6, mtime: now }];
  return { bytes: zipSync(entries), paths: ["README.txt", ...paths] };
}
