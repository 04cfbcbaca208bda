import "server-only";
import { mapWithConcurrency } from "@/lib/async";
import type { CdnId, Region } from "@/lib/domain/plan";
import type { EspChoice, ResolvedEsp } from "@/lib/domain/esp";
import type { EspId } from "@/lib/domain/ids";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { VERIFICATIONS } from "@/lib/providers/verifications";
import { defaultRegion, resolveEsp } from "@/lib/esps/choice";
import { check } from "./check-result";
import { describe, type DiagnoseContext } from "./diagnose";
import { answerRequest } from "./esp-answer";
import { destinationOf } from "./destination";
import { createDnsClient, createResolver, resolveChain, type ChainResult, type DnsClient } from "./dns";
import { afterDnsCheck, beforeDnsCheck } from "./dns-check";
import { Guard, type Connector, type Semaphore } from "./guard";
import { createHstsChecker } from "./hsts";
import { registrableDomain } from "@/lib/hostnames";
import { beforeSwitchSummary, probe, probeChecks, type Probes } from "./probe-checks";
import { hstsCheck, order, readiness, type HostContext } from "./host-checks";
import { isReady } from "./readiness";
import { settingsFromEnv, type VerifySettings } from "./settings";
import { CHECK_IDS, type CheckId, type CheckResult, type HostReport, type Phase, type PhaseRequest, type VerifyReport } from "./types";

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
 * auto: after the switch when the chain reaches the target; before it while the chain still reaches the email
 * provider (any ESP's tracking name). A CDN that proxies in place: a visible CNAME to the ESP means DNS only
 * (before), none means proxied (after). A chain to a third name (a stale address, another CDN, with or without a
 * target given) is "before": this CDN is not in the path yet, so it is tested at its address, and the DNS check fails
 * until the host points at the ESP or the CDN.
 */
export function decidePhase(requested: PhaseRequest, chain: ChainResult, target: string | null, cdn: CdnId, esp: EspChoice): Phase {
  if (requested !== "auto") return requested;
  const destination = destinationOf(chain.chain.slice(1), chain.name, target, cdn, esp);
  if (destination.kind === "target") return "after";
  if (destination.kind === "origin" || destination.kind === "wrong-origin" || destination.kind === "elsewhere") return "before";
  if (chain.outcome !== "ok") return "before";
  if (CDN_ADDRESSES[cdn].proxiesInPlace) return "after";
  return target ? "before" : "after";
}

async function verifyHost(ctx: HostContext): Promise<HostReport> {
  const { host, target, link, cdn, esp, settings, guard } = ctx;
  const dctx: DiagnoseContext = { cdn, host, target, origin: esp.origin, esp };
  const request = answerRequest(esp, link);
  const probeOpts = { host, request, settings, guard };
  const hstsTimed = timed(() => ctx.hsts);
  // Look the CDN address up while the chain is followed; the guard caches the answer for the probes.
  if (target) guard.resolve(target).catch(() => {});
  const { value: chain, ms: dnsMs } = await timed(() => resolveChain(host, ctx.dns.public, settings.maxCnameDepth));
  const phase = decidePhase(ctx.requested, chain, target, cdn, esp);
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
        const p = await probe(probeOpts, resolution.address, `via ${target}`);
        Object.assign(checks, probeChecks(p, dctx, request));
        checks["cdn-before-switch"] = beforeSwitchSummary(checks.tls!, checks.http!, checks.https!, `via ${target}`, esp.name);
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
      p = await probe(probeOpts, resolution.address, "by name");
      Object.assign(checks, probeChecks(p, dctx, request));
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

function failedHost(host: string, target: string | null, link: string | null, cdn: CdnId, esp: ResolvedEsp, error: unknown): HostReport {
  const d = describe("verifier-error", { cdn, host, target, origin: esp.origin, esp, detail: error instanceof Error ? error.message : String(error) });
  const checks = CHECK_IDS.map((id) => check.fail(id, d, [], 0));
  return { host, target, phase: "before", link, checks, readyToSwitch: false, readiness: `Not ready: ${d.cause}` };
}

/** A report with every check failed, for when verification could not run at all (never a 5xx). */
export function failedReport(input: VerifyInput, error: unknown): VerifyReport {
  const region = input.region ?? defaultRegion(input.esp);
  const esp = resolveEsp({ esp: input.esp, region, tenant: input.tenant });
  return {
    version: 1,
    cdn: input.cdn,
    region,
    checkedAt: new Date().toISOString(),
    elapsedMs: 0,
    hosts: input.hosts.map((h, i) => failedHost(h, input.targets?.[i] ?? null, input.links?.[i] ?? input.link ?? null, input.cdn, esp, error)),
    hsts: [],
    readyToSwitch: false,
    pending: false,
  };
}

export async function verifyHosts(input: VerifyInput, deps: VerifyDeps = {}): Promise<VerifyReport> {
  const started = performance.now();
  const settings = deps.settings ?? settingsFromEnv();
  const region = input.region ?? defaultRegion(input.esp);
  const esp = resolveEsp({ esp: input.esp, region, tenant: input.tenant });
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
        esp,
        settings,
        guard,
        dns,
        hsts: hstsReports.get((registrableDomain(host) ?? host))!,
        requested: input.phase ?? "auto",
      });
    } catch (error) {
      return failedHost(host, target, link, input.cdn, esp, error);
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
