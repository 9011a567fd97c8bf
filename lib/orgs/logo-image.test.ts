import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { bigPng, SVG_WITH_SCRIPT, TINY_JPEG, TINY_PNG, WEBP_HEADER } from "../../tests/fixtures/images";
import { LOGO_MESSAGES, sniffLogo } from "./logo-image";
import { LOGO_MAX_BYTES } from "./settings-schemas";

describe("a logo's type comes from its bytes", () => {
  it("accepts a PNG and a JPEG, with their dimensions, and both embed in a PDF", async () => {
    expect(sniffLogo(TINY_PNG)).toEqual({ ok: true, type: "image/png", width: 1, height: 1 });
    expect(sniffLogo(TINY_JPEG)).toEqual({ ok: true, type: "image/jpeg", width: 1, height: 1 });
    const doc = await PDFDocument.create();
    // Copies: pdf-lib reads the underlying ArrayBuffer from offset 0, and small Buffers share a pool.
    await expect(doc.embedPng(new Uint8Array(TINY_PNG))).resolves.toBeTruthy();
    await expect(doc.embedJpg(new Uint8Array(TINY_JPEG))).resolves.toBeTruthy();
  });

  it("refuses an SVG with a script, whatever it is called, with a message that says what to do", () => {
    expect(sniffLogo(SVG_WITH_SCRIPT)).toEqual({ ok: false, error: LOGO_MESSAGES.svg });
    // Without the XML declaration, and with a byte-order mark and leading blank lines.
    const bare = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("\n\n<svg onload=alert(1)></svg>")]);
    expect(sniffLogo(bare)).toEqual({ ok: false, error: LOGO_MESSAGES.svg });
  });

  it("refuses WebP, GIF, HTML and random bytes", () => {
    expect(sniffLogo(WEBP_HEADER)).toEqual({ ok: false, error: LOGO_MESSAGES.webp });
    expect(sniffLogo(Buffer.from("GIF89a\x01\x00\x01\x00"))).toEqual({ ok: false, error: LOGO_MESSAGES.other });
    expect(sniffLogo(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ ok: false, error: LOGO_MESSAGES.svg });
    expect(sniffLogo(Buffer.from("just text, not an image"))).toEqual({ ok: false, error: LOGO_MESSAGES.other });
  });

  it("refuses an empty file, an oversized one and a header that claims too many pixels", () => {
    expect(sniffLogo(new Uint8Array())).toEqual({ ok: false, error: LOGO_MESSAGES.empty });
    const big = bigPng(LOGO_MAX_BYTES);
    expect(big.length).toBeGreaterThan(LOGO_MAX_BYTES);
    expect(sniffLogo(big)).toEqual({ ok: false, error: LOGO_MESSAGES.tooLarge(big.length) });
    const huge = Buffer.from(TINY_PNG);
    huge.writeUInt32BE(5000, 16); // IHDR width
    expect(sniffLogo(huge)).toEqual({ ok: false, error: LOGO_MESSAGES.side });
  });

  it("refuses a PNG or JPEG signature followed by garbage", () => {
    expect(sniffLogo(TINY_PNG.subarray(0, 12))).toEqual({ ok: false, error: LOGO_MESSAGES.corrupt });
    expect(sniffLogo(Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual({ ok: false, error: LOGO_MESSAGES.corrupt });
  });
});
