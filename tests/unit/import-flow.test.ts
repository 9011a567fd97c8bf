import { describe, expect, it } from "vitest";
import { CSV_MAX_BYTES, csvFileProblem, decodeCsvBytes } from "@/lib/onboarding/csv";
import { countOutcomes } from "@/lib/util/count";

describe("the import flow's checks before sending", () => {
  it("asks for a file when none is chosen", () => {
    expect(csvFileProblem(undefined)).toBe("Choose a CSV file to upload.");
  });

  it("refuses a file over the limit with the same words as the server", () => {
    const size = CSV_MAX_BYTES + 200_000;
    const browser = csvFileProblem({ size });
    const server = decodeCsvBytes(new Uint8Array(size));
    expect(browser).toBe("The file is 1.7 MB; the limit is 1.5 MB. Split it into smaller files and import each.");
    expect(server).toEqual({ ok: false, error: browser });
  });

  it("accepts a file at the limit", () => {
    expect(csvFileProblem({ size: CSV_MAX_BYTES })).toBeUndefined();
  });
});

describe("countOutcomes", () => {
  it("counts each outcome and reports zero for the ones that did not happen", () => {
    const results = [{ outcome: "added" as const }, { outcome: "error" as const }, { outcome: "added" as const }];
    expect(countOutcomes(results, ["added", "skipped", "error"])).toEqual({ added: 2, skipped: 0, error: 1 });
  });
});
