import { describe, expect, it } from "vitest";
import { checkJsonBody, checkMultipartBody, MAX_ACTION_BODY, multipartBoundary, nestingDepth } from "./action-body";

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("server action bodies Next.js can't decode are refused before it tries", () => {
  it("measures nesting outside strings, and stops counting past the limit", () => {
    expect(nestingDepth('[1,[2,{"a":[3]}]]')).toBe(4);
    expect(nestingDepth('["[[[[[[", "{{{{"]')).toBe(1);
    expect(nestingDepth('["a\\"[[[["]')).toBe(1);
    expect(nestingDepth(deep(100_000))).toBe(65);
  });

  it("refuses arrays nested 5,000 or 100,000 deep with 400", () => {
    expect(checkJsonBody(deep(5_000))).toMatchObject({ status: 400 });
    expect(checkJsonBody(deep(100_000))).toMatchObject({ status: 400 });
  });

  it("refuses references to parts a plain body does not have", () => {
    for (const body of ['["$h1"]', '["$F1"]', '["$Q0"]', '["$K1"]', '["$@2"]', '[{"a":["$1"]}]', '["$B1a"]']) expect(checkJsonBody(body), body).toMatchObject({ status: 400 });
  });

  it("accepts the values React encodes inline, and ordinary arguments", () => {
    for (const body of ["[]", '[{"content":{"whatHappened":"x"}}]', '["$D2026-11-30T00:00:00.000Z"]', '["$undefined"]', '["$n12"]', '["$$escaped"]', '["$NaN"]', '["$-0"]', '["$Infinity"]'])
      expect(checkJsonBody(body), body).toBeNull();
  });

  it("refuses what is not a JSON array, and oversized bodies with 413", () => {
    expect(checkJsonBody("{}")).toMatchObject({ status: 400 });
    expect(checkJsonBody("not json")).toMatchObject({ status: 400 });
    expect(checkJsonBody(`["${"a".repeat(MAX_ACTION_BODY)}"]`)).toMatchObject({ status: 413 });
  });

  it("reads the multipart boundary, quoted or not", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----abc")).toBe("----abc");
    expect(multipartBoundary('multipart/form-data; boundary="x y"')).toBe("x y");
    expect(multipartBoundary("multipart/form-data")).toBeNull();
  });

  it("refuses multipart bodies with a missing or wrong boundary, or references to absent parts", () => {
    const body = '------b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n------b--\r\n';
    expect(checkMultipartBody("multipart/form-data", body, new Map([["0", '["$K1"]']]))).toMatchObject({ status: 400 });
    expect(checkMultipartBody("multipart/form-data; boundary=----other", body, new Map([["0", '["$K1"]']]))).toMatchObject({ status: 400 });
    expect(checkMultipartBody("multipart/form-data; boundary=----b", body, null)).toMatchObject({ status: 400 });
    expect(checkMultipartBody("multipart/form-data; boundary=----b", body, new Map([["0", '["$K1"]']]))).toMatchObject({ status: 400 });
    expect(checkMultipartBody("multipart/form-data; boundary=----b", body, new Map([["0", '["$K1"]'], ["_1_file", ""]]))).toBeNull();
    expect(checkMultipartBody("multipart/form-data; boundary=----b", body, new Map([["0", '["$Q2"]'], ["2", "[]"]]))).toBeNull();
  });

  it("checks a 2 MB body in one pass (figure printed, not asserted)", () => {
    const text = `[${'"$x",'.repeat(300_000)}1]`;
    const t0 = performance.now();
    checkJsonBody(text);
    checkJsonBody("[".repeat(MAX_ACTION_BODY - 10));
    console.log(`action-body check of ~2 MB: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(checkJsonBody(text)).toBeNull();
  });
});
