// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { credentialFrom, currentCredential, headersFor, loadCredential, saveCredential } from "./credential";

describe("credentials", () => {
  it("sends a JWT as a bearer token and anything else as an API key", () => {
    expect(headersFor(credentialFrom(" k-123 "))).toEqual({ "X-API-Key": "k-123" });
    expect(headersFor(credentialFrom("aaa.bbb.ccc"))).toEqual({ Authorization: "Bearer aaa.bbb.ccc" });
    expect(credentialFrom("   ")).toBeNull();
    expect(headersFor(null)).toEqual({});
  });

  it("keeps the credential for this tab and forgets it", () => {
    saveCredential({ kind: "key", value: "secret" });
    expect(loadCredential()).toEqual({ kind: "key", value: "secret" });
    expect(currentCredential()).toEqual({ kind: "key", value: "secret" });
    saveCredential(null);
    expect(loadCredential()).toBeNull();
    sessionStorage.setItem("actorgraph.credential", "{garbled");
    expect(loadCredential()).toBeNull();
  });
});
