// Word-level difference between two versions of a text (longest common subsequence), for the
// version comparison page. Pure; a 5,000-character field is about 1,000 words, well within reach.

export type Segment = { type: "same" | "added" | "removed"; text: string };

function tokens(s: string): string[] {
  return s.match(/\s+|[^\s]+/g) ?? [];
}

export function diffWords(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], kept in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out: Segment[] = [];
  const push = (type: Segment["type"], text: string) => {
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += text;
    else out.push({ type, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push("same", a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) push("removed", a[i++]);
    else push("added", b[j++]);
  }
  while (i < n) push("removed", a[i++]);
  while (j < m) push("added", b[j++]);
  // Word-by-word alternation ("before"/"and", "checking"/"felt" ...) is hard to read: a run of
  // changes joined only by spaces becomes one removed phrase and one added phrase.
  const merged: Segment[] = [];
  let k = 0;
  while (k < out.length) {
    if (out[k].type === "same") merged.push(out[k++]);
    else {
      let removed = "";
      let added = "";
      while (k < out.length && (out[k].type !== "same" || (/^\s+$/.test(out[k].text) && k + 1 < out.length && out[k + 1].type !== "same"))) {
        const seg = out[k++];
        if (seg.type !== "added") removed += seg.text;
        if (seg.type !== "removed") added += seg.text;
      }
      if (removed.trim()) merged.push({ type: "removed", text: removed });
      if (added.trim()) merged.push({ type: "added", text: added });
    }
  }
  return merged;
}
