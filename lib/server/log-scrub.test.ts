import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { scrubForLog } from "./log-scrub";

describe("errors in the server log carry no user text", () => {
  it("drops a failed query's parameters and PostgreSQL's quoted value, keeping the statement and SQLSTATE", () => {
    const pg = Object.assign(new Error('invalid input syntax for type uuid: "my secret search"'), { code: "22P02" });
    const e = new DrizzleQueryError("select * from cases where id = $1", ["my secret search"], pg);
    const out = scrubForLog(e) as Error;
    expect(out.message).toContain("select * from cases where id = $1");
    expect(out.message).toContain("22P02");
    expect(`${out.message}\n${out.stack}`).not.toContain("my secret search");
  });

  it("drops the message of a bare PostgreSQL error and a logged string's params line", () => {
    const pg = Object.assign(new Error("invalid byte sequence: 0x00 near 'Jane Citizen'"), { code: "22021" });
    expect(String((scrubForLog(pg) as Error).message)).not.toContain("Jane");
    expect(scrubForLog("Failed query: select 1\nparams: Jane Citizen")).toBe("Failed query: select 1\nparams: [not logged]");
  });

  it("leaves other errors and values alone", () => {
    const e = new Error("plain");
    expect(scrubForLog(e)).toBe(e);
    expect(scrubForLog(42)).toBe(42);
  });
});
