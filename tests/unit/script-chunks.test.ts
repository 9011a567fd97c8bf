import { describe, expect, it } from "vitest";
import { scriptChunks } from "../../scripts/bench/lib/chunks";

// The client-weight budget and the "nothing beyond the shell" test both read chunks this way.

describe("scriptChunks", () => {
  it("lists script tags and chunks named in the flight payload, once each", () => {
    const html = [
      '<script src="/_next/static/chunks/a1.js" async=""></script>',
      '<script src="/_next/static/chunks/b2.js?dpl=x" nonce="n"></script>',
      '<script nonce="n">self.__next_f.push([1,"3:I[123,[\\"/_next/static/chunks/c3.js\\",\\"static/chunks/a1.js\\"],\\"X\\"]"])</script>',
    ].join("");
    expect(scriptChunks(html)).toEqual(["/_next/static/chunks/a1.js", "/_next/static/chunks/b2.js", "/_next/static/chunks/c3.js"]);
  });

  it("leaves out nomodule polyfills, which module-capable browsers never download", () => {
    const html = '<script src="/_next/static/chunks/poly.js" noModule="" nonce="n"></script><script src="/_next/static/chunks/main.js" async=""></script>';
    expect(scriptChunks(html)).toEqual(["/_next/static/chunks/main.js"]);
  });

  it("ignores scripts from outside the build", () => {
    expect(scriptChunks('<script src="https://example.com/x.js"></script>')).toEqual([]);
  });
});
