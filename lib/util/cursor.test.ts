import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isAtCursor, isNameCursor } from "@/lib/util/cursor";
import { decodeCursor as decodeCaseCursor, encodeCursor as encodeCaseCursor } from "@/components/cases/format";

const ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

describe("page cursors", () => {
  it("round-trip what a page encodes", () => {
    const at = { at: "2026-11-27T09:00:00.000Z", id: ID };
    expect(decodeCursor(encodeCursor(at), isAtCursor)).toEqual(at);
    expect(decodeCursor(encodeCursor({ name: "Ngaio Marsh", id: ID }), isNameCursor)).toEqual({ name: "Ngaio Marsh", id: ID });
    expect(decodeCaseCursor(encodeCaseCursor(at)!)).toEqual(at);
    expect(encodeCaseCursor(null)).toBeNull();
  });

  it("start over (undefined) on anything the database could not take as a uuid and a timestamp", () => {
    const bad = [
      { at: "2026-11-27T09:00:00.000Z", id: "-".repeat(36) },
      { at: "2026-11-27T09:00:00.000Z", id: "a".repeat(36) },
      { at: "2026-11-27T09:00:00.000Z", id: `${ID}x` },
      { at: "not a date", id: ID },
      { at: 5, id: ID },
      { id: ID },
    ];
    for (const c of bad) {
      expect(decodeCursor(encodeCursor(c), isAtCursor)).toBeUndefined();
      expect(decodeCaseCursor(encodeCursor(c))).toBeUndefined();
    }
    expect(decodeCursor(encodeCursor({ name: "x", id: "-".repeat(36) }), isNameCursor)).toBeUndefined();
    expect(decodeCursor("%%%", isAtCursor)).toBeUndefined();
    expect(decodeCursor(encodeCursor("x".repeat(400)), isAtCursor)).toBeUndefined();
    expect(decodeCaseCursor(undefined)).toBeUndefined();
  });
});
