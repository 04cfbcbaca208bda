import Cloudflare from "cloudflare";
import { describe, expect, it } from "vitest";
import { createOnce } from "./create-once";

// Which failures make a create look before it is sent again (docs/providers/cloudflare.md#lost-answers). The
// errors are the SDK's own classes (cloudflare v7.3.0 core/error.d.ts): APIConnectionError for no answer,
// APIConnectionTimeoutError (a subclass) for a timeout, APIError.generate for an answer with a status.

type Outcome = "made" | "lost after making" | "timed out" | 400 | 429 | 503;

const errorFor = (status: number) => Cloudflare.APIError.generate(status, { success: false, errors: [{ code: 10000, message: "refused" }] }, undefined, new Headers());

/** A create against a pretend account: each send has the next outcome; the log says what was sent and looked for. */
async function run(outcomes: Outcome[], retries: number): Promise<{ log: string[]; result: string | number }> {
  const account: string[] = [];
  const log: string[] = [];
  const send = async () => {
    const outcome = outcomes[log.filter((e) => e === "send").length];
    log.push("send");
    if (outcome === "made" || outcome === "lost after making") account.push(`id${account.length + 1}`);
    if (outcome === "made") return account.at(-1)!;
    if (outcome === "lost after making") throw new Cloudflare.APIConnectionError({ message: "socket hang up" });
    if (outcome === "timed out") throw new Cloudflare.APIConnectionTimeoutError();
    throw errorFor(outcome ?? 400);
  };
  const alreadyMade = async () => {
    log.push("look");
    return account[0] ?? null;
  };
  const result = await createOnce(send, alreadyMade, { retries, maxDelayMs: 0 }).catch((e: unknown) => (e instanceof Cloudflare.APIError ? (e.status ?? "no answer") : "other"));
  return { log, result };
}

describe("createOnce", () => {
  it("a lost answer: what it made is found and taken, not made again", async () => {
    expect(await run(["lost after making"], 2)).toEqual({ log: ["send", "look"], result: "id1" });
  });

  it("a timeout that made nothing: looked for, then sent again", async () => {
    expect(await run(["timed out", "made"], 2)).toEqual({ log: ["send", "look", "send"], result: "id1" });
  });

  it("a 5xx on every send: looked for before each resend and once at the end, then reported", async () => {
    expect(await run([503, 503, 503], 2)).toEqual({ log: ["send", "look", "send", "look", "send", "look"], result: 503 });
  });

  it("the last send's answer is lost: the last look finds it", async () => {
    expect(await run([503, "lost after making"], 1)).toEqual({ log: ["send", "look", "send", "look"], result: "id1" });
  });

  it("with no retries, a lost answer is still looked for, never sent again", async () => {
    expect(await run(["lost after making"], 0)).toEqual({ log: ["send", "look"], result: "id1" });
  });

  it("a refusal (400, or a 429 the send gave up on) made nothing: no look, no resend", async () => {
    expect(await run([400], 2)).toEqual({ log: ["send"], result: 400 });
    expect(await run([429], 2)).toEqual({ log: ["send"], result: 429 });
  });
});
