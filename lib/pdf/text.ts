// pdf-lib's standard fonts encode WinAnsi only. Map common typography to ASCII and drop the rest,
// so a name with an unsupported character still prints instead of failing the whole PDF.
const MAP: Record<string, string> = { "\u2018": "'", "\u2019": "'", "\u201C": '"', "\u201D": '"', "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00A0": " " };

export function winAnsiSafe(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]/g, (c) => MAP[c] ?? "")
    .normalize("NFC")
    .replace(/[^\x20-\x7E\u00A1-\u00FF]/g, (c) => {
      const base = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      return /^[\x20-\x7E]$/.test(base) ? base : "?";
    });
}
