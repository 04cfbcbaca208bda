import type { CheckId, CheckStatus, Phase } from "./types";

/**
 * When a host is ready, in one place for the verifier (verify.ts) and for a printed summary (summary.ts).
 * Client-safe. Before the switch the pinned gate check must pass; after it, TLS, HTTP and HTTPS by name. In both,
 * the DNS check must not fail: a host that points at a third name (neither SendGrid nor the CDN), or at nothing,
 * is not ready however well the CDN answers. A pending DNS check (propagation towards the right place) does not block.
 */
export const GATE_CHECKS: Record<Phase, readonly CheckId[]> = {
  before: ["cdn-before-switch"],
  after: ["tls", "http", "https"],
};

export function isReady(phase: Phase, statusOf: (id: CheckId) => CheckStatus | undefined): boolean {
  return GATE_CHECKS[phase].every((id) => statusOf(id) === "pass") && statusOf("dns") !== "fail";
}
