import { describe, expect, it } from "vitest";
import { SVG_WITH_SCRIPT, TINY_PNG } from "@/tests/fixtures/images";
import { HTML_PAGE, TINY_M4A, TINY_MP3, TINY_MP3_FRAME, TINY_MP4, TINY_OGG, TINY_WAV, TINY_WEBM, TINY_WEBM_VIDEO, WEBM_WITH_SCRIPT } from "@/tests/fixtures/media";
import { CLIP_MAX_BYTES, extensionOf, MEDIA_MESSAGES, RECORDING_MAX_BYTES, sniffMedia } from "./media-sniff";

const bytes = (b: Buffer) => new Uint8Array(b);

describe("what an uploaded recording really is, from its bytes", () => {
  it("accepts the four audio containers browsers record or play", () => {
    expect(sniffMedia(bytes(TINY_WEBM), "recording")).toEqual({ ok: true, type: "audio/webm" });
    expect(sniffMedia(bytes(TINY_OGG), "recording")).toEqual({ ok: true, type: "audio/ogg" });
    expect(sniffMedia(bytes(TINY_M4A), "recording")).toEqual({ ok: true, type: "audio/mp4" });
    expect(sniffMedia(bytes(TINY_MP3), "recording")).toEqual({ ok: true, type: "audio/mpeg" });
    expect(sniffMedia(bytes(TINY_MP3_FRAME), "recording")).toEqual({ ok: true, type: "audio/mpeg" });
  });

  it("tells a video clip from an audio one, and serves a recording as audio whatever its container says", () => {
    expect(sniffMedia(bytes(TINY_WEBM_VIDEO), "clip")).toEqual({ ok: true, type: "video/webm" });
    expect(sniffMedia(bytes(TINY_MP4), "clip")).toEqual({ ok: true, type: "video/mp4" });
    expect(sniffMedia(bytes(TINY_WEBM), "clip")).toEqual({ ok: true, type: "audio/webm" });
    expect(sniffMedia(bytes(TINY_MP4), "recording")).toEqual({ ok: true, type: "audio/mp4" });
  });

  it("refuses an SVG carrying a script, an HTML page, and a polyglot that starts like WebM", () => {
    for (const b of [SVG_WITH_SCRIPT, HTML_PAGE, WEBM_WITH_SCRIPT]) {
      expect(sniffMedia(bytes(b), "recording")).toEqual({ ok: false, error: MEDIA_MESSAGES.markup });
      expect(sniffMedia(bytes(b), "clip")).toEqual({ ok: false, error: MEDIA_MESSAGES.markup });
    }
  });

  it("refuses what isn't one of the accepted formats: an image, a WAV file, an empty file", () => {
    expect(sniffMedia(bytes(TINY_PNG), "recording")).toEqual({ ok: false, error: MEDIA_MESSAGES.other });
    expect(sniffMedia(bytes(TINY_WAV), "clip")).toEqual({ ok: false, error: MEDIA_MESSAGES.otherClip });
    expect(sniffMedia(new Uint8Array(0), "recording")).toEqual({ ok: false, error: MEDIA_MESSAGES.empty });
  });

  it("refuses an oversized file, with a limit of its own for recordings and clips", () => {
    const big = (n: number) => new Uint8Array(Buffer.concat([TINY_WEBM, Buffer.alloc(n - TINY_WEBM.length)]));
    expect(sniffMedia(big(RECORDING_MAX_BYTES), "recording").ok).toBe(true);
    expect(sniffMedia(big(RECORDING_MAX_BYTES + 1), "recording")).toEqual({ ok: false, error: MEDIA_MESSAGES.tooLarge(RECORDING_MAX_BYTES + 1, RECORDING_MAX_BYTES) });
    expect(sniffMedia(big(RECORDING_MAX_BYTES + 1), "clip").ok).toBe(true);
    expect(sniffMedia(big(CLIP_MAX_BYTES + 1), "clip").ok).toBe(false);
  });

  it("names stored files by the sniffed type, never the uploader's name", () => {
    expect(extensionOf("audio/webm")).toBe("webm");
    expect(extensionOf("audio/mpeg")).toBe("mp3");
    expect(extensionOf("video/mp4")).toBe("mp4");
  });
});
