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

describe("SANDBOX_SECRET", () => {
  it("unset or empty: none (each process draws its own key); 32 characters or more are taken as they are", () => {
    expect(parseEnv({}).SANDBOX_SECRET).toBeUndefined();
    expect(parseEnv({ SANDBOX_SECRET: "" }).SANDBOX_SECRET).toBeUndefined();
    const secret = "q0xT3V9Dn1vC8mW2aZk5Lr7Yp4Hs6Jf0Ub+Ge/Ni8Oc=";
    expect(parseEnv({ SANDBOX_SECRET: secret }).SANDBOX_SECRET).toBe(secret);
    expect(parseEnv({ SANDBOX_SECRET: "x".repeat(32) }).SANDBOX_SECRET).toBe("x".repeat(32));
  });

  it("a shorter one is refused, saying how to make one, never repeating it", () => {
    const message = problem({ SANDBOX_SECRET: "hunter2-is-too-short" });
    expect(message).toBe(
      "Invalid environment settings: SANDBOX_SECRET: must be at least 32 characters, the same on every instance (e.g. the output of `openssl rand -base64 32`)",
    );
    expect(problem({ SANDBOX_SECRET: "x".repeat(31) })).toBe(message);
  });
});
