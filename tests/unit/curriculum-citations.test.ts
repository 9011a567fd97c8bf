import { describe, expect, it } from "vitest";
import { loadCurriculum } from "@/lib/modules/content";

// Every lesson states findings, so every lesson must cite at least one work from its module's
// reference list, and every author-year it cites must be in that list. A lesson that names a
// study the learner cannot look up, or a list that silently lost an entry, fails here.
//
// Citation patterns recognised in lesson Markdown (APA-like, as the curriculum is written):
//   narrative      Rogers (1957)            Bordin's (1979)            Hill et al. (1993)
//                  Horvath and Symonds (1991)      Eubanks, Muran and Safran (2018)
//                  Castonguay, Constantino & Grosse Holtforth (2006)
//   parenthetical  (Rogers, 1957)   (Hill et al., 1993)   (Ardito & Rabellino, 2011)
//                  (A, 2018; B & C, 2020)             several works, split on ";"
//                  (Watson & Kalogerakos, in Muran & Barber, 2010)   a chapter: the edited book
//                  (Johnsen & Friborg, 2015, as cited in Kassinove & Tafrate, 2019): the source read
//   a year is four digits (optionally with a letter, 2018a) or "n.d.".
// A citation resolves when one of the surnames it names is the first author of a reference
// with the same year. A reference's first author is the text before its first ", X." initial
// (or before " (" for a corporate author); its year is the first "(YYYY)" or "(n.d.)" in it.
// Dates that are not citations ("around 1956", "in 1913") have no author in front of a
// parenthesised year, so they are not read as citations.

type Citation = { authors: string; year: string; raw: string };
type Reference = { first: string; year: string };

const YEAR = String.raw`(\d{4}[a-z]?|n\.d\.)`;
const NAME = String.raw`[A-Z][A-Za-zÀ-ÿ'’-]+`;
// One author: a capitalised surname, possibly of several words ("Del Re", "Grosse Holtforth", "Welmers-van de Poll"),
// or a corporate author ("Australian Institute of Family Studies").
const AUTHOR = String.raw`${NAME}(?:\s+(?:de|van|der|von|of|for|${NAME}))*`;
const AUTHORS = String.raw`${AUTHOR}(?:'s|’s|')?(?:\s+et\s+al\.)?(?:(?:,\s*${AUTHOR})*,?\s+(?:and|&)\s+${AUTHOR}(?:'s|’s|')?)?`;
const NARRATIVE = new RegExp(String.raw`(${AUTHORS})\s+\(${YEAR}\)`, "g");
const PAREN = /\(([^()]*?(?:\d{4}[a-z]?|n\.d\.)[^()]*)\)/g;

export function citationsIn(markdown: string): Citation[] {
  const out: Citation[] = [];
  for (const m of markdown.matchAll(NARRATIVE)) out.push({ authors: m[1], year: m[2], raw: m[0] });
  for (const m of markdown.matchAll(PAREN)) {
    for (let seg of m[1].split(";")) {
      seg = seg.trim().replace(/^(?:e\.g\.,?|see(?: also)?|cf\.)\s+/i, "");
      const secondary = /(?:,\s*|\s)(?:as cited in|in)\s+(.+)$/i.exec(seg);
      if (secondary) seg = secondary[1];
      const c = new RegExp(String.raw`^(${AUTHORS}),\s*${YEAR}$`).exec(seg.trim());
      if (c) out.push({ authors: c[1], year: c[2], raw: `(${seg.trim()})` });
    }
  }
  return out;
}

export function parseReference(entry: string): Reference {
  const first = (/^(.+?),\s+[A-Z]\./.exec(entry)?.[1] ?? /^([^(,]+?)\s*[.(]/.exec(entry)?.[1] ?? "").trim();
  const year = new RegExp(String.raw`\(${YEAR}\)`).exec(entry)?.[1] ?? "";
  return { first, year };
}

export function resolves(c: Citation, refs: Reference[]): boolean {
  return refs.some((r) => r.year === c.year && r.first.length > 0 && new RegExp(String.raw`(^|[^\p{L}])${r.first.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\p{L}])`, "u").test(c.authors));
}

const curriculum = loadCurriculum();

describe("citation patterns", () => {
  it("reads narrative, parenthetical, multi-author, chapter and secondary citations", () => {
    const found = citationsIn(
      "Rogers (1957) and Bordin's (1979) view; Eubanks, Muran and Safran (2018) found r = .29 (Horvath et al., 2011; Del Re et al., 2012). " +
        "CBT (Castonguay, Constantino, McAleavey & Goldfried, in Muran & Barber, 2010) and Castonguay, Constantino & Grosse Holtforth (2006); " +
        "(Johnsen & Friborg, 2015, as cited in Kassinove & Tafrate, 2019); (Mental Health Academy, n.d.); (Australian Institute of Family Studies, 2023). Zetzel, around 1956, and in 1913.",
    ).map((c) => `${c.authors}|${c.year}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "Rogers|1957",
        "Bordin's|1979",
        "Eubanks, Muran and Safran|2018",
        "Horvath et al.|2011",
        "Del Re et al.|2012",
        "Muran & Barber|2010",
        "Castonguay, Constantino & Grosse Holtforth|2006",
        "Kassinove & Tafrate|2019",
        "Mental Health Academy|n.d.",
        "Australian Institute of Family Studies|2023",
      ]),
    );
    expect(found.some((f) => f.endsWith("|1956") || f.endsWith("|1913"))).toBe(false);
  });

  it("reads a reference's first author and year", () => {
    expect(parseReference("Del Re, A.C., Flückiger, C. (2012). Therapist effects. Clinical Psychology Review, 32, 642-649.")).toEqual({ first: "Del Re", year: "2012" });
    expect(parseReference("Muran, J.C., & Barber, J.P. (Eds.) (2010). The Therapeutic Alliance. Guilford.")).toEqual({ first: "Muran", year: "2010" });
    expect(parseReference("Mental Health Academy (n.d.). The what and why of the therapeutic alliance.")).toEqual({ first: "Mental Health Academy", year: "n.d." });
  });
});

describe("every lesson is cited from its module's reference list", () => {
  it("covers the whole curriculum", () => {
    expect(curriculum.length).toBeGreaterThanOrEqual(10);
  });

  for (const mod of curriculum) {
    const refs = mod.references.map(parseReference);

    it(`${mod.slug}: every reference has a first author and a year`, () => {
      expect(mod.references.filter((_, i) => !refs[i].first || !refs[i].year)).toEqual([]);
    });

    for (const lesson of mod.lessons) {
      const cites = citationsIn(lesson.body);
      it(`${mod.slug}/${lesson.slug}: cites at least one listed work`, () => {
        expect(cites.filter((c) => resolves(c, refs)).length, `no citation in this lesson resolves to ${mod.slug}'s references`).toBeGreaterThan(0);
      });
      it(`${mod.slug}/${lesson.slug}: cites nothing that is missing from the list`, () => {
        expect(cites.filter((c) => !resolves(c, refs)).map((c) => c.raw)).toEqual([]);
      });
    }
  }
});
