import { describe, expect, it } from "vitest";
import { idpShowedMfa, ssoStep } from "./mfa";

describe("the identity provider's record of a second step", () => {
  it("counts amr values of RFC 8176 that are more than a password", () => {
    expect(idpShowedMfa({ amr: ["pwd", "mfa"] }, [])).toBe(true);
    for (const v of ["otp", "hwk", "swk", "fpt", "face", "sc", "sms", "mca", "MFA"]) expect(idpShowedMfa({ amr: ["pwd", v] }, []), v).toBe(true);
  });

  it("doesn't count a password, a PIN, knowledge or risk checks alone, or a malformed amr", () => {
    for (const amr of [["pwd"], ["pin"], ["kba", "pwd"], ["rba"], ["wia"], [], "mfa", [42], null, undefined]) expect(idpShowedMfa({ amr }, []), JSON.stringify(amr)).toBe(false);
  });

  it("counts an acr only when the admin listed it, exactly", () => {
    expect(idpShowedMfa({ acr: "phrh" }, ["phrh"])).toBe(true);
    expect(idpShowedMfa({ acr: "phr" }, ["phrh"])).toBe(false);
    expect(idpShowedMfa({ acr: "PHRH" }, ["phrh"])).toBe(false);
    expect(idpShowedMfa({ acr: "" }, [""])).toBe(false);
    expect(idpShowedMfa({ acr: "urn:example:mfa" }, [])).toBe(false);
  });
});

describe("what an SSO sign-in still needs", () => {
  it("nothing more when the trusted provider showed a second step", () => {
    expect(ssoStep({ trustIdpMfa: true, idpMfa: true, hasFactor: true, required: true })).toEqual({ ok: true, pending: null, secondFactor: "idp" });
    expect(ssoStep({ trustIdpMfa: true, idpMfa: true, hasFactor: false, required: false })).toEqual({ ok: true, pending: null, secondFactor: "idp" });
  });

  it("the person's own Rapport factor when the provider showed none", () => {
    expect(ssoStep({ trustIdpMfa: true, idpMfa: false, hasFactor: true, required: true })).toEqual({ ok: true, pending: "verify", secondFactor: null });
    expect(ssoStep({ trustIdpMfa: true, idpMfa: false, hasFactor: true, required: false })).toEqual({ ok: true, pending: "verify", secondFactor: null });
  });

  it("a refusal where two-step sign-in is required, the provider showed none and the person has no factor", () => {
    expect(ssoStep({ trustIdpMfa: true, idpMfa: false, hasFactor: false, required: true })).toEqual({ ok: false });
    expect(ssoStep({ trustIdpMfa: true, idpMfa: false, hasFactor: false, required: false })).toEqual({ ok: true, pending: null, secondFactor: null });
  });

  it("with trust off, Rapport's own step as after a password, whatever the provider says", () => {
    expect(ssoStep({ trustIdpMfa: false, idpMfa: true, hasFactor: true, required: true })).toEqual({ ok: true, pending: "verify", secondFactor: null });
    expect(ssoStep({ trustIdpMfa: false, idpMfa: true, hasFactor: false, required: true })).toEqual({ ok: true, pending: "enrol", secondFactor: null });
    expect(ssoStep({ trustIdpMfa: false, idpMfa: true, hasFactor: false, required: false })).toEqual({ ok: true, pending: null, secondFactor: null });
  });
});
