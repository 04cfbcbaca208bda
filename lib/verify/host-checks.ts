import "server-only";
import type { CdnId } from "@/lib/domain/plan";
import type { ResolvedEsp } from "@/lib/domain/esp";
import { check } from "./check-result";
import type { DnsClient } from "./dns";
import type { Guard } from "./guard";
import { GATE_CHECKS } from "./readiness";
import type { VerifySettings } from "./settings";
import { CHECK_IDS, type CheckId, type CheckResult, type HstsReport, type Phase, type PhaseRequest } from "./types";

/** One host's context for the verifier, and the checks built from its parts: HSTS, the readiness line, the order. */

export interface HostContext {
  host: string;
  target: string | null;
  link: string | null;
  cdn: CdnId;
  esp: ResolvedEsp;
  settings: VerifySettings;
  guard: Guard;
  dns: DnsClient;
  hsts: Promise<HstsReport>;
  requested: PhaseRequest;
}

export function hstsCheck(report: HstsReport, host: string, ms: number): CheckResult {
  const seen: string[] = [];
  const h = report.header;
  if (h.state === "present") {
    seen.push(`${report.domain} sends Strict-Transport-Security: ${h.raw} (includeSubDomains: ${h.includeSubDomains ? "yes" : "no"}, preload: ${h.preload ? "yes" : "no"})`);
  } else if (h.state === "absent") {
    seen.push(`${report.domain} sends no usable Strict-Transport-Security header`);
  } else {
    seen.push(`${report.domain}'s header is unknown`);
  }
  if (h.note) seen.push(h.note);
  const p = report.preload;
  const preloadWords: Record<typeof p.status, string> = {
    preloaded: `on the HSTS preload list via ${p.via ?? report.domain} (${p.source === "tld-list" ? "in-code TLD list" : "hstspreload.org"})`,
    pending: `waiting to be added to the HSTS preload list`,
    "not-preloaded": `not on the HSTS preload list`,
    unknown: `preload status unknown`,
  };
  seen.push(`${report.domain}: ${preloadWords[p.status]}`);
  if (p.note && p.source !== "tld-list") seen.push(p.note);
  seen.push(`HSTS covers ${host}: ${report.coversLinkHosts}`);
  seen.push(report.blastRadius);
  if (report.coversLinkHosts === "unknown") return check.skipped("hsts", `Unknown: ${[h.note, p.note].filter(Boolean).join(" ")}`, seen, ms);
  return check.pass("hsts", seen, ms);
}

export function readiness(host: string, phase: Phase, checks: CheckResult[], ready: boolean, target: string | null): string {
  if (ready) return phase === "before" ? `Ready to switch: the CDN at ${target} answers ${host} correctly.` : `Switched: ${host} answers correctly through the CDN.`;
  const gate = GATE_CHECKS[phase].flatMap((id) => checks.filter((c) => c.id === id && c.status !== "pass"));
  const blocking = gate[0] ?? checks.find((c) => c.id === "dns" && c.status === "fail");
  if (!blocking) return `Not ready: ${host} is not proven yet.`;
  switch (blocking.status) {
    case "fail":
      return `Not ready: ${blocking.cause}`;
    case "pending":
    case "skipped":
      return `Not ready: ${blocking.reason}`;
    default:
      return `Not ready: ${host} is not proven yet.`;
  }
}

export function order(checks: Partial<Record<CheckId, CheckResult>>): CheckResult[] {
  return CHECK_IDS.map((id) => checks[id] ?? check.skipped(id, "not run"));
}
