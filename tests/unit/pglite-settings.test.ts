import { describe, expect, it } from "vitest";
import { PGLITE_SHARED_BUFFERS, pgliteSharedBuffers } from "@/db/client";

describe("the embedded database's buffer cache", () => {
  it("is small by default: it is the server process's own memory", () => {
    expect(pgliteSharedBuffers({})).toBe(PGLITE_SHARED_BUFFERS);
    expect(Number.parseInt(PGLITE_SHARED_BUFFERS, 10)).toBeLessThan(128);
  });

  it("takes RAPPORT_PGLITE_SHARED_BUFFERS with a unit, and ignores anything else", () => {
    expect(pgliteSharedBuffers({ RAPPORT_PGLITE_SHARED_BUFFERS: "64MB" })).toBe("64MB");
    expect(pgliteSharedBuffers({ RAPPORT_PGLITE_SHARED_BUFFERS: " 8192kB " })).toBe("8192kB");
    for (const bad of ["64", "lots", "64 MB; drop table x", ""]) expect(pgliteSharedBuffers({ RAPPORT_PGLITE_SHARED_BUFFERS: bad })).toBe(PGLITE_SHARED_BUFFERS);
  });
});
