import Cloudflare from "cloudflare";
import { describe, expect, it } from "vitest";
import { createFailure as cloudflareFailure, UnreadableAnswer } from "./cloudflare/errors";
import { createOnce, type CreateFailure } from "./create-once";
import { ProviderFailure } from "./engine/failure";
import { createFailure as httpFailure, HttpError, NetworkError, ShapeError, type HttpOptions } from "./http-client";

// When a create looks before it is sent again (lib/providers/create-once.ts), and how each client's failures
// are classified for it. The Cloudflare errors are the SDK's own classes (cloudflare v7.3.0 core/error.d.ts):
// APIConnectionError for no answer, APIConnectionTimeoutError (a subclass) for a timeout, APIError.generate
// for an answer with a status.

type Outcome = "made" | "lost after making" | "unreadable after making" | "unknown" | "refused" | "retry later" | "never again";

const CLASSES: Record<Exclude<Outcome, "made">, CreateFailure> = {
  "lost after making": { kind: "outcomeUnknown", afterMs: 0 },
  "unreadable after making": { kind: "outcomeUnknown", afterMs: 0 },
  unknown: { kind: "outcomeUnknown", afterMs: 0 },
  "never again": { kind: "outcomeUnknown", afterMs: null },
  refused: { kind: "refused" },
  "retry later": { kind: "retryLater", afterMs: 0 },
};

class Failed extends Error {
  constructor(readonly outcome: Exclude<Outcome, "made">) {
    super(outcome);
  }
}

/** A create against a pretend account: each send has the next outcome; the log says what was sent and looked for. */
async function run(outcomes: Outcome[], retries: number, lookFails = false): Promise<{ log: string[]; result: string }> {
  const account: string[] = [];
  const log: string[] = [];
  const send = async () => {
    const outcome = outcomes[log.filter((e) => e === "send").length] ?? "refused";
    log.push("send");
    if (outcome === "made" || outcome.endsWith("after making")) account.push(`id${account.length + 1}`);
    if (outcome === "made") return account.at(-1)!;
    throw new Failed(outcome);
  };
  const alreadyMade = async () => {
    log.push("look");
    if (lookFails) throw new Error("the look failed");
    return account[0] ?? null;
  };
  const classify = (e: unknown) => (e instanceof Failed ? CLASSES[e.outcome] : ({ kind: "refused" } as const));
  const result = await createOnce({ send, alreadyMade, classify, retries, maxDelayMs: 0 }).catch((e: unknown) => `failed: ${(e as Error).message}`);
  return { log, result };
}

describe("createOnce", () => {
  it("a lost answer: what it made is found and taken, not made again", async () => {
    expect(await run(["lost after making"], 2)).toEqual({ log: ["send", "look"], result: "id1" });
  });

  it("a 2xx that cannot be read (outcome unknown): what it made is found and taken, not made again", async () => {
    expect(await run(["unreadable after making"], 2)).toEqual({ log: ["send", "look"], result: "id1" });
  });

  it("an unknown outcome that made nothing: looked for, then sent again", async () => {
    expect(await run(["unknown", "made"], 2)).toEqual({ log: ["send", "look", "send"], result: "id1" });
  });

  it("an unknown outcome on every send: looked for before each resend and once at the end, then reported", async () => {
    expect(await run(["unknown", "unknown", "unknown"], 2)).toEqual({ log: ["send", "look", "send", "look", "send", "look"], result: "failed: unknown" });
  });

  it("the last send's answer is lost: the last look finds it", async () => {
    expect(await run(["unknown", "lost after making"], 1)).toEqual({ log: ["send", "look", "send", "look"], result: "id1" });
  });

  it("with no retries, a lost answer is still looked for, never sent again", async () => {
    expect(await run(["lost after making"], 0)).toEqual({ log: ["send", "look"], result: "id1" });
    expect(await run(["unknown"], 0)).toEqual({ log: ["send", "look"], result: "failed: unknown" });
  });

  it("an unknown outcome the client will not wait for: looked for, never sent again", async () => {
    expect(await run(["never again", "made"], 2)).toEqual({ log: ["send", "look"], result: "failed: never again" });
  });

  it("a refusal made nothing: no look, no resend", async () => {
    expect(await run(["refused", "made"], 2)).toEqual({ log: ["send"], result: "failed: refused" });
  });

  it("a retry-later made nothing: sent again without a look, within the bound", async () => {
    expect(await run(["retry later", "made"], 2)).toEqual({ log: ["send", "send"], result: "id1" });
    expect(await run(["retry later", "retry later", "retry later", "made"], 2)).toEqual({ log: ["send", "send", "send"], result: "failed: retry later" });
  });

  it("after an unknown outcome, every later send is looked for first, a retry-later's too", async () => {
    expect(await run(["unknown", "retry later", "made"], 2)).toEqual({ log: ["send", "look", "send", "look", "send"], result: "id1" });
  });

  it("a look that fails sends nothing more and reports the create's failure", async () => {
    expect(await run(["unknown", "made"], 2, true)).toEqual({ log: ["send", "look"], result: "failed: unknown" });
  });
});

describe("the http client's failures (Fastly, KeyCDN)", () => {
  const opts: HttpOptions = { baseUrl: "http://127.0.0.1:9", headers: {}, scrub: (text) => text, maxRetryDelayMs: 50 };
  const answer = (status: number, headers: Record<string, string> = {}) => new HttpError("Create", status, "", new Headers(headers));

  it.each([
    ["no answer", new NetworkError("Create", false), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a timeout", new NetworkError("Create", true), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a 503", answer(503), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a 503 asking for longer than the bound", answer(503, { "retry-after": "60" }), { kind: "outcomeUnknown", afterMs: null }],
    ["a 2xx body it cannot read", new ShapeError("Create", "the body is not JSON"), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a 429 with a short Retry-After", answer(429, { "retry-after": "0" }), { kind: "retryLater", afterMs: 0 }],
    ["a 429 asking for longer than the bound", answer(429, { "retry-after": "60" }), { kind: "refused" }],
    ["a 400", answer(400), { kind: "refused" }],
    ["a refusal inside a 2xx (KeyCDN's envelope)", answer(200), { kind: "refused" }],
    ["a failure already in words", new ProviderFailure({ code: "x", message: "m", action: "a" }), { kind: "refused" }],
  ])("%s", (_name, error, expected) => {
    expect(httpFailure(opts, error)).toEqual(expected);
  });
});

describe("the Cloudflare client's failures", () => {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    Cloudflare.APIError.generate(status, { success: false, errors: [{ code: 10000, message: "refused" }] }, undefined, new Headers(headers));

  it.each([
    ["no answer", new Cloudflare.APIConnectionError({ message: "socket hang up" }), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a timeout", new Cloudflare.APIConnectionTimeoutError(), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a 503", answer(503), { kind: "outcomeUnknown", afterMs: 0 }],
    ["a 2xx body it cannot read", new UnreadableAnswer("the body is not JSON"), { kind: "outcomeUnknown", afterMs: 0 }],
    // A Retry-After beyond the bound is waited for as long as the bound.
    ["a 429 asking for longer than the bound", answer(429, { "retry-after": "300" }), { kind: "retryLater", afterMs: 50 }],
    ["a 400", answer(400), { kind: "refused" }],
    ["a 403", answer(403), { kind: "refused" }],
  ])("%s", (_name, error, expected) => {
    expect(cloudflareFailure(error, 50)).toEqual(expected);
  });
});
