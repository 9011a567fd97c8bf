// pdf-lib's standard fonts (no font files to ship) encode WinAnsi (CP1252) only. Every string
// printed with them goes through toWinAnsi first, so a name with a character they can't encode
// still prints (accents decomposed, the rest as "?") instead of failing the whole PDF.

const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const REPLACEMENTS: Record<string, string> = { "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u00a0": " ", "\u2009": " ", "\u202f": " " };

/** Maps text onto what a standard PDF font can encode: decomposes accents, replaces the rest with "?". */
export function toWinAnsi(s: string): string {
  let out = "";
  for (const ch of s.replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || CP1252_EXTRA.includes(ch)) out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base && [...base].every((b) => b.charCodeAt(0) >= 0x20 && b.charCodeAt(0) <= 0x7e) ? base : "?";
    }
  }
  return out;
}
