import { describe, expect, it } from "vitest";
import { decodeJwtClaims, jwtExpiry } from "./jwt.ts";

function token(claims: object): string {
  const part = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  return `${part({ alg: "ES256" })}.${part(claims)}.signature`;
}

describe("decodeJwtClaims", () => {
  it("reads base64url claims, including non-ASCII names", () => {
    expect(decodeJwtClaims(token({ sub: "U1", name: "佐藤 花子" }))).toEqual({ sub: "U1", name: "佐藤 花子" });
  });

  it("gives undefined for anything that is not a JWT", () => {
    expect(decodeJwtClaims("id_token")).toBeUndefined();
    expect(decodeJwtClaims("a.%%%.c")).toBeUndefined();
    expect(decodeJwtClaims(`a.${btoa("[1]")}.c`)).toBeUndefined();
  });
});

describe("jwtExpiry", () => {
  it("turns exp (seconds) into epoch milliseconds", () => {
    expect(jwtExpiry(token({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
  });

  it("is undefined without a numeric exp", () => {
    expect(jwtExpiry(token({ exp: "soon" }))).toBeUndefined();
  });
});
