// What an uploaded logo really is, from its bytes (never the file name or the declared type):
// PNG and JPEG only, the two formats a certificate PDF can embed. SVG is refused outright (it can
// carry scripts), as are WebP, GIF and anything else. Pure: unit-tested in logo-image.test.ts.
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE } from "./settings-schemas";

export type LogoType = "image/png" | "image/jpeg";
export type SniffedLogo = { ok: true; type: LogoType; width: number; height: number } | { ok: false; error: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];

const KB = Math.round(LOGO_MAX_BYTES / 1024);
export const LOGO_MESSAGES = {
  empty: "Choose a PNG or JPEG file to upload.",
  tooLarge: (bytes: number) => `The file is ${Math.ceil(bytes / 1024)} KB; the limit is ${KB} KB. Save a smaller version (a logo rarely needs more than 600 pixels across).`,
  svg: "SVG files can't be used: they can carry scripts. Save the logo as PNG or JPEG and upload that.",
  webp: "WebP images can't be printed on certificates. Save the logo as PNG or JPEG and upload that.",
  other: "This file isn't a PNG or JPEG image. Save the logo as PNG or JPEG and upload that.",
  corrupt: "This image couldn't be read: the file may be damaged. Export it again as PNG or JPEG.",
  side: `The image is too large: at most ${LOGO_MAX_SIDE} × ${LOGO_MAX_SIDE} pixels. Save a smaller version.`,
};

function looksLikeMarkup(b: Uint8Array): boolean {
  // Skips a byte-order mark and whitespace; SVG and HTML start with "<".
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 64 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c || /<svg[\s>]/i.test(ascii(b, 0, Math.min(b.length, 1024)));
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // The IHDR chunk always comes first: length 13, type "IHDR", then width and height.
  if (b.length < 33 || u32(b, 8) !== 13 || ascii(b, 12, 16) !== "IHDR") return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16(b, i + 2);
    if (length < 2) return null;
    // Start of frame (baseline, progressive, lossless …; not DHT C4, JPG C8 or DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16(b, i + 5), width: u16(b, i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before a frame
    i += 2 + length;
  }
  return null;
}

export function sniffLogo(bytes: Uint8Array): SniffedLogo {
  if (bytes.length === 0) return { ok: false, error: LOGO_MESSAGES.empty };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: LOGO_MESSAGES.tooLarge(bytes.length) };
  let type: LogoType;
  let size: { width: number; height: number } | null;
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) {
    type = "image/png";
    size = pngSize(bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    type = "image/jpeg";
    size = jpegSize(bytes);
  } else if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { ok: false, error: LOGO_MESSAGES.webp };
  } else if (looksLikeMarkup(bytes)) {
    return { ok: false, error: LOGO_MESSAGES.svg };
  } else {
    return { ok: false, error: LOGO_MESSAGES.other };
  }
  if (!size || size.width === 0 || size.height === 0) return { ok: false, error: LOGO_MESSAGES.corrupt };
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) return { ok: false, error: LOGO_MESSAGES.side };
  return { ok: true, type, ...size };
}
