import "server-only";
import fs from "node:fs";
import net from "node:net";
import { env } from "@/lib/env";

/**
 * Everything the verifier's network code is allowed to do, in one object. Production reads it from the
 * environment (lib/env.ts); tests build it directly, so no test depends on process-wide state.
 */
export interface VerifySettings {
  /** `ip:port` resolvers asked instead of the system's; when set, every DNS question goes to them. Test-only. */
  dnsServers: string[];
  /** Lets the guard connect to 127.0.0.0/8 and ::1, nothing else. Test-only. */
  allowLoopback: boolean;
  /** Ports used instead of 80 and 443 by every probe, the HSTS header fetch included. Test-only. */
  httpPort: number;
  httpsPort: number;
  /** hstspreload.org's API (docs/contract.md#provider-api-base-urls), overridable for tests. */
  hstsPreloadApiBaseUrl: string;
  /**
   * Extra trusted CA certificates (PEM) on top of Node's roots. In-process tests pass their test CA here;
   * the app under test uses NODE_EXTRA_CA_CERTS instead (read by Node once at start).
   */
  extraCa: string[];
  /** Whole-exchange deadline for one connection (connect, TLS, request, response). */
  timeoutMs: number;
  /** Deadline for one DNS question, per try. */
  dnsTimeoutMs: number;
  /** Bytes of a response body read at most; the rest is dropped. */
  maxBodyBytes: number;
  /** Hosts verified at once. */
  hostConcurrency: number;
  /** Connections open at once, across the whole process. */
  maxConnections: number;
  /** CNAME hops followed at most. */
  maxCnameDepth: number;
}

export const DEFAULT_SETTINGS: Omit<VerifySettings, "hstsPreloadApiBaseUrl"> = {
  dnsServers: [],
  allowLoopback: false,
  httpPort: 80,
  httpsPort: 443,
  extraCa: [],
  timeoutMs: 8_000,
  dnsTimeoutMs: 2_500,
  maxBodyBytes: 64 * 1024,
  // 25 hosts at once keeps 50 hosts within two rounds (the issue's ≤ 3× target) with two connections per host.
  hostConcurrency: 25,
  maxConnections: 64,
  maxCnameDepth: 8,
};

/** Parse "ip:port" / "[v6]:port" / "ip" entries; throws naming the bad entry. */
export function parseDnsServers(raw: string | undefined): string[] {
  if (!raw || raw.trim() === "") return [];
  return raw.split(",").map((entry) => {
    const s = entry.trim();
    const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(s) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(s) ?? (net.isIPv6(s) ? [s, s, undefined] : null);
    const ip = m?.[1];
    const port = m?.[2] === undefined ? 53 : Number(m[2]);
    if (!ip || !net.isIP(ip) || port < 1 || port > 65535) {
      throw new Error(`VERIFY_DNS_SERVERS: "${s}" is not an ip:port resolver address`);
    }
    return net.isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
  });
}

const TEST_ONLY = ["VERIFY_DNS_SERVERS", "VERIFY_ALLOW_LOOPBACK", "VERIFY_HTTP_PORT", "VERIFY_HTTPS_PORT", "NODE_EXTRA_CA_CERTS"] as const;

let warned = false;
let cached: VerifySettings | undefined;

/** Names of the test-only settings present in the environment. */
export function testOnlySettingsSet(source: Record<string, string | undefined> = process.env): string[] {
  return TEST_ONLY.filter((name) => {
    const value = source[name];
    return value !== undefined && value !== "" && !(name === "VERIFY_ALLOW_LOOPBACK" && value === "0");
  });
}

/**
 * NODE_EXTRA_CA_CERTS, read again: Node adds it to its default store at start, but a probe that passes `ca`
 * (as in-process tests do) replaces that store, so the verifier always passes Node's roots plus this file.
 */
function extraCaFromEnv(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [fs.readFileSync(file, "utf8")];
  } catch {
    console.warn(`[verify] NODE_EXTRA_CA_CERTS (${file}) could not be read; using Node's default trust store.`);
    return [];
  }
}

/** Settings from the environment, parsed once; logs one warning on first use when a test-only setting is set. */
export function settingsFromEnv(): VerifySettings {
  if (cached) return cached;
  const e = env();
  const set = testOnlySettingsSet();
  if (set.length > 0 && !warned) {
    warned = true;
    console.warn(`[verify] test-only settings are set (${set.join(", ")}); never set them in production (contract.md, Verification).`);
  }
  cached = {
    ...DEFAULT_SETTINGS,
    dnsServers: parseDnsServers(e.VERIFY_DNS_SERVERS),
    allowLoopback: e.VERIFY_ALLOW_LOOPBACK === "1",
    httpPort: e.VERIFY_HTTP_PORT ?? DEFAULT_SETTINGS.httpPort,
    httpsPort: e.VERIFY_HTTPS_PORT ?? DEFAULT_SETTINGS.httpsPort,
    hstsPreloadApiBaseUrl: e.HSTS_PRELOAD_API_BASE_URL,
    extraCa: extraCaFromEnv(),
  };
  return cached;
}
