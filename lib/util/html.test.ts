import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml } from "./html";

describe("html template", () => {
  it("escapes every interpolated value, in text and in attributes", () => {
    const name = `<img src=x onerror="alert('x')"> & "friends"`;
    const out = html`<a href="/admin/members/${'"><script>'}">${name}</a>`.value;
    expect(out).toBe(
      '<a href="/admin/members/&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &quot;friends&quot;</a>',
    );
  });

  it("keeps SafeHtml as markup, joins arrays, drops null, undefined and false", () => {
    const cells = ["a<b", "c"].map((t) => html`<td>${t}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${false}${0}</tr>`.value).toBe("<tr><td>a&lt;b</td><td>c</td>0</tr>");
    expect(String(new SafeHtml("<b>x</b>"))).toBe("<b>x</b>");
  });

  it("never lets a value open a tag, close an attribute or start an entity", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const e = escapeHtml(s);
        // Nothing special is left raw: only the five entities carry &.
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toMatch(/[&<>"']/);
        // So a value sits inside its attribute and its cell whatever it holds.
        expect(html`<td title="${s}">${s}</td>`.value).toBe(`<td title="${e}">${e}</td>`);
      }),
      { numRuns: 500 },
    );
  });
});
