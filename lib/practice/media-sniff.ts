// What an uploaded recording or clip really is, from its bytes (never the file name or the type
// the browser declared). Audio (and, for clips, video) in the four containers browsers record or
// play: WebM, Ogg, MP4 and MPEG audio. Markup (SVG, HTML) and anything carrying a script is refused
// outright, whatever it starts with. Pure: unit-tested in media-sniff.test.ts.

export const RECORDING_MAX_BYTES = 1_500_000;
/** Server actions carry at most 2 MB (next.config.mjs, proxy.ts): a clip fits in one. */
export const CLIP_MAX_BYTES = 1_900_000;
export const RECORDING_MAX_SECONDS = 90;

export type MediaType = "audio/webm" | "audio/ogg" | "audio/mp4" | "audio/mpeg" | "video/webm" | "video/ogg" | "video/mp4";
export type MediaKind = "recording" | "clip";
export type Sniffed = { ok: true; type: MediaType } | { ok: false; error: string };

export const RECORDING_ACCEPT = "audio/webm,audio/ogg,audio/mp4,audio/mpeg";
export const CLIP_ACCEPT = "audio/webm,audio/ogg,audio/mp4,audio/mpeg,video/webm,video/ogg,video/mp4";

const mb = (n: number) => (n / 1_000_000).toFixed(1);
export const MEDIA_MESSAGES = {
  empty: "The recording is empty. Record again, or type your response instead.",
  tooLarge: (bytes: number, max: number) => `The file is ${mb(bytes)} MB; the limit is ${mb(max)} MB. Record a shorter response (at most 90 seconds).`,
  markup: "This file contains web page or SVG markup, which can carry scripts. Upload an audio or video file (WebM, Ogg, MP4 or MP3).",
  other: "This isn't an audio file Rapport can play. Use WebM, Ogg, MP4 (M4A) or MP3.",
  otherClip: "This isn't an audio or video file Rapport can play. Use WebM, Ogg, MP4 or MP3.",
};

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** Latin-1 text of the first bytes: enough to find a tag or a codec name in the headers. */
function head(b: Uint8Array, n = 4096): string {
  let s = "";
  const end = Math.min(n, b.length);
  for (let i = 0; i < end; i += 1024) s += String.fromCharCode(...b.subarray(i, Math.min(i + 1024, end)));
  return s;
}

// Markup or script anywhere in the headers: an SVG, an HTML page, or a polyglot that starts like
// media and carries a script later on. Binary media has no reason to contain these words.
const SCRIPTISH = /<\s*(svg|script|html|body|iframe|object|embed)[\s>/]|<\?xml|javascript:/i;

function startsWithMarkup(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 64 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c; // "<"
}

function isMpegAudioFrame(b: Uint8Array): boolean {
  // Frame sync (11 bits set), a version other than "reserved" and a layer other than 0 (which is AAC's ADTS).
  return b.length > 3 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && ((b[1] >> 3) & 0x03) !== 0x01 && ((b[1] >> 1) & 0x03) !== 0x00;
}

function container(b: Uint8Array, text: string): MediaType | null {
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    if (!/webm/.test(text)) return null; // Matroska other than WebM
    return /V_VP8|V_VP9|V_AV1/.test(text) ? "video/webm" : "audio/webm";
  }
  if (ascii(b, 0, 4) === "OggS") return /\x80theora/.test(text) ? "video/ogg" : "audio/ogg";
  if (ascii(b, 4, 8) === "ftyp") {
    const brand = ascii(b, 8, 12);
    const audioOnly = brand === "M4A " || brand === "M4B " || (/mp4a|Opus/.test(text) && !/avc1|hvc1|hev1|vp09|av01|mp4v/.test(text));
    return audioOnly ? "audio/mp4" : "video/mp4";
  }
  if (ascii(b, 0, 3) === "ID3" || isMpegAudioFrame(b)) return "audio/mpeg";
  return null;
}

export function sniffMedia(bytes: Uint8Array, kind: MediaKind): Sniffed {
  const max = kind === "recording" ? RECORDING_MAX_BYTES : CLIP_MAX_BYTES;
  if (bytes.length === 0) return { ok: false, error: MEDIA_MESSAGES.empty };
  if (bytes.length > max) return { ok: false, error: MEDIA_MESSAGES.tooLarge(bytes.length, max) };
  const text = head(bytes);
  if (startsWithMarkup(bytes) || SCRIPTISH.test(text)) return { ok: false, error: MEDIA_MESSAGES.markup };
  const type = container(bytes, text);
  if (!type) return { ok: false, error: kind === "recording" ? MEDIA_MESSAGES.other : MEDIA_MESSAGES.otherClip };
  // A spoken response is audio: a browser recording audio only may still label its MP4 as video.
  if (kind === "recording") return { ok: true, type: type.startsWith("video/") ? (type.replace("video/", "audio/") as MediaType) : type };
  return { ok: true, type };
}

export function extensionOf(type: MediaType): string {
  return { "audio/webm": "webm", "video/webm": "webm", "audio/ogg": "ogg", "video/ogg": "ogv", "audio/mp4": "m4a", "video/mp4": "mp4", "audio/mpeg": "mp3" }[type];
}
