import "server-only";
import type { CdnId } from "@/lib/plan/types";
import { check } from "./check-result";
import { describe, diagnoseConnectFailure, diagnoseResponse, diagnoseTls, describeResponse, type DiagnoseContext, type Diagnosis } from "./diagnose";
import type { DnsClient } from "./dns";
import type { CheckedAddress, Guard } from "./guard";
import { exchange, type ExchangeResult } from "./http-probe";
import { GATE_CHECKS } from "./readiness";
import type { VerifySettings } from "./settings";
import { CHECK_IDS, type CheckId, type CheckResult, type HstsReport, type Phase, type PhaseRequest } from "./types";

/**
 * The checks of one host from what the probes saw (verify.ts runs them): TLS, HTTPS and HTTP through the CDN,
 * the HSTS pre-check, the before-switch gate, and the one line that says whether the host is ready.
 */

/** One host's verification: what to check, and the shared guard, resolvers and HSTS result. */
export interface HostContext {
  host: string;
  target: string | null;
  link: string | null;
  cdn: CdnId;
  origin: string;
  settings: VerifySettings;
  guard: Guard;
  dns: DnsClient;
  hsts: Promise<HstsReport>;
  requested: PhaseRequest;
}

export interface Probes {
  via: string;
  https: ExchangeResult;
  http: ExchangeResult | null;
}

export async function probe(ctx: HostContext, address: CheckedAddress, via: string): Promise<Probes> {
  const { settings, guard, host, link } = ctx;
  const common = { hostHeader: host, extraCa: settings.extraCa, timeoutMs: settings.timeoutMs, maxBodyBytes: settings.maxBodyBytes };
  const [https, http] = await Promise.all([
    exchange(guard, address, { ...common, scheme: "https", port: settings.httpsPort, path: link }),
    link ? exchange(guard, address, { ...common, scheme: "http", port: settings.httpPort, path: link }) : Promise.resolve(null),
  ]);
  return { via, https, http };
}

function tlsCheck(p: Probes, dctx: DiagnoseContext): { result: CheckResult; diagnosis: Diagnosis | null } {
  const { https } = p;
  const where = `${p.via} (${https.address.ip} port ${https.port})`;
  if (!https.tls) {
    const d = https.http && !https.http.ok ? diagnoseConnectFailure(https.http, dctx) : describe("connection-failed", dctx);
    return { result: check.fail("tls", d, [where], https.elapsedMs), diagnosis: d };
  }
  const tls = https.tls;
  const seen = [where];
  if (tls.ok) {
    seen.push(`${tls.protocol ?? "TLS"}`);
    if (tls.cert) {
      seen.push(`certificate names ${tls.cert.names.join(", ") || "(no DNS names)"}`);
      seen.push(`issued by ${tls.cert.issuer ?? "unknown"}${tls.cert.selfSigned ? " (self-signed)" : ""}`);
      seen.push(`valid ${tls.cert.validFrom.slice(0, 10)} to ${tls.cert.validTo.slice(0, 10)}`);
    }
  } else {
    seen.push(`TLS failed: ${tls.code}`);
  }
  const d = diagnoseTls(tls, dctx);
  return { result: d ? check.fail("tls", d, seen, https.elapsedMs) : check.pass("tls", seen, https.elapsedMs), diagnosis: d };
}

function linkCheck(id: "http" | "https", p: Probes, dctx: DiagnoseContext, tlsDiagnosis: Diagnosis | null, link: string | null): CheckResult {
  if (!link) {
    const d = describe("no-tracked-link", dctx);
    return check.skipped(id, `${d.cause} ${d.fix}`);
  }
  const ex = id === "https" ? p.https : p.http;
  if (!ex) return check.skipped(id, "not requested");
  const seen = [`GET ${id}://${dctx.host}${link.length > 60 ? `${link.slice(0, 59)}…` : link} ${p.via} (${ex.address.ip} port ${ex.port})`];
  if (ex.http?.ok) seen.push(describeResponse(ex.http));
  if (id === "https" && tlsDiagnosis) {
    const d = { ...tlsDiagnosis, cause: `Browsers stop at the TLS error before the link is requested. ${tlsDiagnosis.cause}` };
    return check.fail(id, d, seen, ex.elapsedMs);
  }
  if (!ex.http) return check.fail(id, describe("connection-failed", dctx), seen, ex.elapsedMs);
  if (!ex.http.ok) return check.fail(id, diagnoseConnectFailure(ex.http, dctx), seen, ex.elapsedMs);
  const d = diagnoseResponse(ex.http, { ...dctx, scheme: id, path: link });
  return d ? check.fail(id, d, seen, ex.elapsedMs) : check.pass(id, seen, ex.elapsedMs);
}

export function probeChecks(p: Probes, dctx: DiagnoseContext, link: string | null): { tls: CheckResult; http: CheckResult; https: CheckResult } {
  const tls = tlsCheck(p, dctx);
  return { tls: tls.result, https: linkCheck("https", p, dctx, tls.diagnosis, link), http: linkCheck("http", p, dctx, null, link) };
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

/** The gate: pass only when the pinned TLS, HTTPS and HTTP checks pass. */
export function beforeSwitchSummary(tls: CheckResult, http: CheckResult, https: CheckResult, via: string): CheckResult {
  const ms = Math.max(tls.elapsedMs, http.elapsedMs, https.elapsedMs);
  const failed = [tls, https, http].find((c) => c.status === "fail");
  if (failed && failed.status === "fail") {
    return check.fail("cdn-before-switch", { id: failed.diagnosis, cause: failed.cause, fix: failed.fix, fixTopic: failed.fixTopic }, [`${failed.title}: failed`, ...failed.seen], ms);
  }
  const skipped = [tls, https, http].find((c) => c.status === "skipped");
  if (skipped && skipped.status === "skipped") return check.skipped("cdn-before-switch", `Not proven yet: ${skipped.reason}`, [`${skipped.title}: not run`], ms);
  return check.pass("cdn-before-switch", [`${via}: certificate, HTTPS and HTTP all answer as SendGrid would through the CDN`], ms);
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

