import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import type { CdnId, Region } from "@/lib/plan/types";
import type { EspId } from "@/lib/domain/ids";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { defaultRegion, resolveEsp } from "@/lib/esps/choice";
import { check } from "./check-result";
import { describe, diagnoseConnectFailure, diagnoseResponse, diagnoseTls, describeResponse, type DiagnoseContext, type Diagnosis } from "./diagnose";
import { destinationOf } from "./destination";
import { createDnsClient, createResolver, resolveChain, type ChainResult, type DnsClient } from "./dns";
import { afterDnsCheck, beforeDnsCheck } from "./dns-check";
import { Guard, type CheckedAddress, type Connector, type Semaphore } from "./guard";
import { createHstsChecker } from "./hsts";
import { registrableDomain } from "@/lib/hostnames";
import { exchange, type ExchangeResult } from "./http-probe";
import { GATE_CHECKS, isReady } from "./readiness";
import { settingsFromEnv, type VerifySettings } from "./settings";
import { CHECK_IDS, type CheckId, type CheckResult, type HostReport, type HstsReport, type Phase, type PhaseRequest, type VerifyReport } from "./types";

/**
 * The verifier: per link-branding hostname, the HSTS pre-check, then either the pinned before-switch checks
 * against the CDN's own address (SNI and Host = the hostname, like `curl --resolve`) or, after the switch,
 * the DNS chain and the same TLS/HTTP/HTTPS checks by name. Every connection goes through the guard.
 */

export interface VerifyInput {
  cdn: CdnId;
  /** Normalised, validated hostnames. */
  hosts: string[];
  /** CDN address per host, in host order; missing entries mean "not known". */
  targets?: (string | null | undefined)[];
  /** Path and query of a tracked link, used for every host unless `links` has one for it. */
  link?: string | null;
  links?: (string | null | undefined)[];
  phase?: PhaseRequest;
  esp?: EspId;
  region?: Region;
  tenant?: string;
}

export interface VerifyDeps {
  settings?: VerifySettings;
  /** Tests inject a connector that records attempts. */
  connector?: Connector;
  /** Tests inject resolvers (e.g. authoritative ≠ public). */
  dns?: DnsClient;
  semaphore?: Semaphore;
}

interface Timed<T> {
  value: T;
  ms: number;
}
async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - start) };
}

/**
 * auto: after the switch when the chain reaches the target; before it while the chain still reaches SendGrid.
 * A CDN that proxies in place: a visible CNAME to SendGrid means DNS only (before), none means proxied
 * (after). A chain to a third name (a stale address, another CDN, with or without a target given) is "before": this
 * CDN is not in the path yet, so it is tested at its address, and the DNS check fails until the host points at
 * SendGrid or the CDN.
 */
export function decidePhase(requested: PhaseRequest, chain: ChainResult, target: string | null, cdn: CdnId): Phase {
  if (requested !== "auto") return requested;
  const destination = destinationOf(chain.chain.slice(1), chain.name, target, cdn);
  if (destination.kind === "target") return "after";
  if (destination.kind === "origin" || destination.kind === "elsewhere") return "before";
  if (chain.outcome !== "ok") return "before";
  if (CDN_ADDRESSES[cdn].proxiesInPlace) return "after";
  return target ? "before" : "after";
}

interface HostContext {
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

interface Probes {
  via: string;
  https: ExchangeResult;
  http: ExchangeResult | null;
}

async function probe(ctx: HostContext, address: CheckedAddress, via: string): Promise<Probes> {
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

function probeChecks(p: Probes, dctx: DiagnoseContext, link: string | null): { tls: CheckResult; http: CheckResult; https: CheckResult } {
  const tls = tlsCheck(p, dctx);
  return { tls: tls.result, https: linkCheck("https", p, dctx, tls.diagnosis, link), http: linkCheck("http", p, dctx, null, link) };
}

function hstsCheck(report: HstsReport, host: string, ms: number): CheckResult {
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
function beforeSwitchSummary(tls: CheckResult, http: CheckResult, https: CheckResult, via: string): CheckResult {
  const ms = Math.max(tls.elapsedMs, http.elapsedMs, https.elapsedMs);
  const failed = [tls, https, http].find((c) => c.status === "fail");
  if (failed && failed.status === "fail") {
    return check.fail("cdn-before-switch", { id: failed.diagnosis, cause: failed.cause, fix: failed.fix, fixTopic: failed.fixTopic }, [`${failed.title}: failed`, ...failed.seen], ms);
  }
  const skipped = [tls, https, http].find((c) => c.status === "skipped");
  if (skipped && skipped.status === "skipped") return check.skipped("cdn-before-switch", `Not proven yet: ${skipped.reason}`, [`${skipped.title}: not run`], ms);
  return check.pass("cdn-before-switch", [`${via}: certificate, HTTPS and HTTP all answer as SendGrid would through the CDN`], ms);
}

function readiness(host: string, phase: Phase, checks: CheckResult[], ready: boolean, target: string | null): string {
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

function order(checks: Partial<Record<CheckId, CheckResult>>): CheckResult[] {
  return CHECK_IDS.map((id) => checks[id] ?? check.skipped(id, "not run"));
}

async function verifyHost(ctx: HostContext): Promise<HostReport> {
  const { host, target, link, cdn, origin, settings, guard } = ctx;
  const dctx: DiagnoseContext = { cdn, host, target, origin };
  const hstsTimed = timed(() => ctx.hsts);
  // Look the CDN address up while the chain is followed; the guard caches the answer for the probes.
  if (target) guard.resolve(target).catch(() => {});
  const { value: chain, ms: dnsMs } = await timed(() => resolveChain(host, ctx.dns.public, settings.maxCnameDepth));
  const phase = decidePhase(ctx.requested, chain, target, cdn);
  const checks: Partial<Record<CheckId, CheckResult>> = {};
  const notConnected = (why: string) => {
    checks.tls = check.skipped("tls", why);
    checks.http = check.skipped("http", why);
    checks.https = check.skipped("https", why);
  };

  if (phase === "before") {
    checks.dns = await beforeDnsCheck(ctx, chain, dctx, dnsMs);
    if (!target) {
      const d = describe(VERIFICATIONS[cdn].inPlace?.noTarget ?? "no-target", dctx);
      checks["cdn-before-switch"] = check.skipped("cdn-before-switch", `${d.cause} ${d.fix}`);
      notConnected("No CDN address to connect to before the switch.");
    } else {
      const { value: resolution, ms } = await timed(() => guard.resolve(target));
      if (!resolution.ok) {
        const seen = [`${target}: ${resolution.message}`];
        const d =
          resolution.kind === "refused"
            ? describe("guard-refused", { ...dctx, detail: resolution.message })
            : resolution.kind === "error"
              ? describe("dns-error", { ...dctx, detail: resolution.message })
              : describe("target-nxdomain", { ...dctx, detail: resolution.message });
        checks["cdn-before-switch"] = check.fail("cdn-before-switch", d, seen, ms);
        notConnected(`Not connected: ${target} could not be used (see the before-switch check).`);
      } else {
        const p = await probe(ctx, resolution.address, `via ${target}`);
        Object.assign(checks, probeChecks(p, dctx, link));
        checks["cdn-before-switch"] = beforeSwitchSummary(checks.tls!, checks.http!, checks.https!, `via ${target}`);
      }
    }
  } else {
    checks["cdn-before-switch"] = check.skipped("cdn-before-switch", "DNS already points at the CDN: the TLS and HTTP checks run by name.");
    const { value: resolution, ms } = await timed(() => guard.resolve(host));
    let p: Probes | null = null;
    if (!resolution.ok) {
      if (resolution.kind === "refused") {
        const d = describe("guard-refused", { ...dctx, detail: resolution.message });
        checks.tls = check.fail("tls", d, [resolution.message], ms);
        checks.http = check.skipped("http", "Not connected: the address was refused.");
        checks.https = check.skipped("https", "Not connected: the address was refused.");
      } else {
        notConnected(`Not connected: ${resolution.message}.`);
      }
    } else {
      p = await probe(ctx, resolution.address, "by name");
      Object.assign(checks, probeChecks(p, dctx, link));
    }
    const answer = p?.https.http?.ok ? p.https.http : p?.http?.http?.ok ? p.http.http : null;
    checks.dns = await afterDnsCheck(ctx, chain, dctx, answer, dnsMs);
  }

  const { value: hsts, ms: hstsMs } = await hstsTimed;
  checks.hsts = hstsCheck(hsts, host, hstsMs);

  const ordered = order(checks);
  const ready = isReady(phase, (id) => checks[id]?.status);
  return { host, target, phase, link, checks: ordered, readyToSwitch: ready, readiness: readiness(host, phase, ordered, ready, target) };
}

function failedHost(host: string, target: string | null, link: string | null, cdn: CdnId, origin: string, error: unknown): HostReport {
  const d = describe("verifier-error", { cdn, host, target, origin, detail: error instanceof Error ? error.message : String(error) });
  const checks = CHECK_IDS.map((id) => check.fail(id, d, [], 0));
  return { host, target, phase: "before", link, checks, readyToSwitch: false, readiness: `Not ready: ${d.cause}` };
}

/** A report with every check failed, for when verification could not run at all (never a 5xx). */
export function failedReport(input: VerifyInput, error: unknown): VerifyReport {
  const region = input.region ?? defaultRegion(input.esp);
  const origin = resolveEsp({ esp: input.esp, region, tenant: input.tenant }).origin;
  return {
    version: 1,
    cdn: input.cdn,
    region,
    checkedAt: new Date().toISOString(),
    elapsedMs: 0,
    hosts: input.hosts.map((h, i) => failedHost(h, input.targets?.[i] ?? null, input.links?.[i] ?? input.link ?? null, input.cdn, origin, error)),
    hsts: [],
    readyToSwitch: false,
    pending: false,
  };
}

export async function verifyHosts(input: VerifyInput, deps: VerifyDeps = {}): Promise<VerifyReport> {
  const started = performance.now();
  const settings = deps.settings ?? settingsFromEnv();
  const region = input.region ?? defaultRegion(input.esp);
  const origin = resolveEsp({ esp: input.esp, region, tenant: input.tenant }).origin;
  const resolver = deps.dns?.public ?? createResolver(settings.dnsServers, settings.dnsTimeoutMs);
  const guard = new Guard({ settings, resolver, connector: deps.connector, semaphore: deps.semaphore });
  const dns = deps.dns ?? createDnsClient(settings, guard, resolver);
  const hstsChecker = createHstsChecker({ guard, settings });

  const byDomain = new Map<string, string[]>();
  for (const host of input.hosts) {
    const domain = (registrableDomain(host) ?? host);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), host]);
  }
  const hstsReports = new Map([...byDomain].map(([domain, hosts]) => [domain, hstsChecker.check(domain, hosts)] as const));
  // A rejected HSTS promise must not go unhandled while hosts are still queued.
  for (const p of hstsReports.values()) p.catch(() => {});

  const hosts = await mapWithConcurrency(input.hosts, settings.hostConcurrency, async (host, i) => {
    const target = input.targets?.[i]?.toLowerCase().replace(/\.$/, "") || null;
    const link = input.links?.[i] ?? input.link ?? null;
    try {
      return await verifyHost({
        host,
        target,
        link,
        cdn: input.cdn,
        origin,
        settings,
        guard,
        dns,
        hsts: hstsReports.get((registrableDomain(host) ?? host))!,
        requested: input.phase ?? "auto",
      });
    } catch (error) {
      return failedHost(host, target, link, input.cdn, origin, error);
    }
  });
  const hsts = (await Promise.allSettled(hstsReports.values())).flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));

  return {
    version: 1,
    cdn: input.cdn,
    region,
    checkedAt: new Date().toISOString(),
    elapsedMs: Math.round(performance.now() - started),
    hosts,
    hsts,
    readyToSwitch: hosts.length > 0 && hosts.every((h) => h.readyToSwitch),
    pending: hosts.some((h) => h.checks.some((c) => c.status === "pending")),
  };
}
