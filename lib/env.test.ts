import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const problem = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return "no error";
  } catch (e) {
    return (e as Error).message;
  }
};

describe("TRUST_PROXY", () => {
  it("unset or empty is 0; a number of proxies from 0 to 10 is taken", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(0);
    expect([0, 1, 2, 10].map((n) => parseEnv({ TRUST_PROXY: String(n) }).TRUST_PROXY)).toEqual([0, 1, 2, 10]);
  });

  it("anything else is refused, saying what it must be", () => {
    const message = "Invalid environment settings: TRUST_PROXY: must be the number of proxies in front of the app that append to X-Forwarded-For, 0 to 10";
    for (const value of ["true", "yes", "-1", "1.5", "11", "100", " 1"]) expect(problem({ TRUST_PROXY: value })).toBe(message);
  });
});
