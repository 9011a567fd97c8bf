// What a client code may be (TAXONOMY.md section 2): made up by the trainee, at most 12 letters,
// digits or hyphens, never the client's name or initials. Pure and small: the case schema shares it
// with the browser. Whether the code holds a name is the identifier check's job
// (identifiers/scanClientCode), which needs the name lexicon.

export const CLIENT_CODE_FORMAT_MESSAGE =
  "Use a made-up code of up to 12 letters, digits or hyphens, e.g. C-0142 or the code your service uses. Never the client's name or initials.";
export const CLIENT_CODE_INITIALS_MESSAGE =
  "This looks like initials, which can identify the client. Use a made-up code instead, e.g. C-0142 or the code your service uses.";

/** "ST", "stk", "R.K.", "R K", "R-K": one to three letters alone, or single letters separated by dots, spaces or hyphens. */
const INITIALS_RE = /^(?:[A-Za-z]{1,3}|[A-Za-z](?:[.\s-]+[A-Za-z]){1,3}\.?|(?:[A-Za-z]\.){1,4})$/;

/** Why a client code can't be used, or null when it can. */
export function clientCodeProblem(code: string): string | null {
  const v = code.trim();
  if (INITIALS_RE.test(v)) return CLIENT_CODE_INITIALS_MESSAGE;
  if (!/^[A-Za-z0-9-]{1,12}$/.test(v)) return CLIENT_CODE_FORMAT_MESSAGE;
  return null;
}
