import "server-only";
import * as z from "zod";
import type { Guard } from "./guard";
import { guardedGet } from "./http-probe";
import type { VerifySettings } from "./settings";
import type { HstsHeader, HstsPreload, HstsReport, PreloadStatus } from "./types";

/**
 * The HSTS pre-check for one registrable domain (docs/verification.md#hsts; RFC 6797 §6.1, §8.1, §12.1):
 *  - the live Strict-Transport-Security header of https://<domain>/ (through the guard, pinned, no redirects
 *    followed; a header over an invalid certificate is ignored by browsers, so it counts as absent);
 *  - preload status from hstspreload.org's API, `GET /status?domain=` for the domain and each ancestor (it
 *    matches exact names only), through the guard as well;
 *  - a small in-code list of preloaded TLDs for when that API cannot be reached, stated as such.
 */

/**
 * TLDs preloaded as a whole (`policy: "public-suffix", mode: "force-https", include_subdomains: true`) in
 * Chromium's net/http/transport_security_state_static.json, gTLD section (docs/verification.md#hsts-preload-list).
 * A floor, not the full list: the status API is asked first and wins. Being incomplete only means "unknown"
 * when the API is down.
 */
export const PRELOADED_TLDS = {
  asOf: "2026-11",
  source: "Chromium net/http/transport_security_state_static.json (gTLD entries)",
  names: ["android", "app", "bank", "chrome", "day", "dev", "foo", "gle", "google", "insurance", "new", "page", "play", "search", "youtube"],
} as const;

export interface ParsedHsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** RFC 6797 §6.1: directives separated by ";", names case-insensitive, max-age required, no duplicates. */
export function parseHsts(value: string): ParsedHsts | null {
  const seen = new Set<string>();
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  for (const part of value.split(";")) {
    const directive = part.trim();
    if (directive === "") continue;
    const eq = directive.indexOf("=");
    const name = (eq === -1 ? directive : directive.slice(0, eq)).trim().toLowerCase();
    const raw = eq === -1 ? null : directive.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    if (seen.has(name)) return null;
    seen.add(name);
    if (name === "max-age") {
      if (raw === null || !/^\d+$/.test(raw)) return null;
      maxAge = Number(raw);
    } else if (name === "includesubdomains") {
      includeSubDomains = true;
    } else if (name === "preload") {
      preload = true;
    }
  }
  return maxAge === null ? null : { maxAge, includeSubDomains, preload };
}

/** The domain and every ancestor up to the TLD: brand.co.uk → [brand.co.uk, co.uk, uk]. */
export function ancestors(domain: string): string[] {
  const labels = domain.split(".");
  return labels.map((_, i) => labels.slice(i).join("."));
}

const statusSchema = z.object({
  name: z.string().optional(),
  status: z.enum(["unknown", "pending", "preloaded", "rejected", "removed", "pending-removal"]),
});
type ApiStatus = z.infer<typeof statusSchema>["status"];

type Deps = { guard: Pick<Guard, "open" | "resolve">; settings: VerifySettings };

async function fetchHeader(domain: string, deps: Deps): Promise<HstsHeader> {
  const { settings } = deps;
  const header = (state: HstsHeader["state"], note: string | null, raw: string | null = null, parsed: ParsedHsts | null = null): HstsHeader => ({
    state,
    raw,
    maxAge: parsed?.maxAge ?? null,
    includeSubDomains: parsed?.includeSubDomains ?? false,
    preload: parsed?.preload ?? false,
    note,
  });
  const url = new URL(`https://${domain}/`);
  const got = await guardedGet(deps.guard, url, { port: settings.httpsPort, extraCa: settings.extraCa, timeoutMs: settings.timeoutMs, maxBodyBytes: 1024 });
  if (!got.ok) {
    const r = got.resolution;
    if (r.kind === "nxdomain" || r.kind === "nodata") return header("absent", `${domain} has no address, so it sends no header (${r.message})`);
    return header("unknown", `could not look up ${domain}: ${r.message}`);
  }
  const { tls, http } = got.result;
  if (tls && !tls.ok) return header("unknown", `could not connect to https://${domain}/ (${tls.code})`);
  if (!http?.ok) return header("unknown", `could not connect to https://${domain}/ (${http?.code ?? "no answer"})`);
  if (tls?.ok && (tls.chainError || tls.nameError)) {
    return header("absent", `https://${domain}/ has an invalid certificate (${tls.chainError ?? "name mismatch"}), so browsers ignore any header it sends`);
  }
  const raw = http.headers["strict-transport-security"];
  if (raw === undefined) return header("absent", `https://${domain}/ answered ${http.status} without a Strict-Transport-Security header`);
  // Several header fields: browsers use the first (RFC 6797 §8.1).
  const first = raw.split(/,(?=\s*max-age)/i)[0]!.trim();
  const parsed = parseHsts(first);
  if (!parsed) return header("absent", `the header "${first.slice(0, 120)}" is malformed, so browsers ignore it`, first);
  if (parsed.maxAge === 0) return header("present", "max-age=0 tells browsers to forget HSTS for this domain", first, parsed);
  return header("present", null, first, parsed);
}

async function askStatusApi(name: string, deps: Deps): Promise<ApiStatus | { error: string }> {
  const { settings } = deps;
  const base = settings.hstsPreloadApiBaseUrl.replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(`${base}/status?domain=${encodeURIComponent(name)}`);
  } catch {
    return { error: "the preload API address is not a URL" };
  }
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  const got = await guardedGet(deps.guard, url, { port, extraCa: settings.extraCa, timeoutMs: settings.timeoutMs, maxBodyBytes: 16 * 1024 });
  if (!got.ok) return { error: got.resolution.message };
  const { tls, http } = got.result;
  if (tls && (!tls.ok || tls.chainError || tls.nameError)) return { error: `${url.host}: TLS failed` };
  if (!http?.ok) return { error: `${url.host}: ${http?.code ?? "no answer"}` };
  if (http.status !== 200) return { error: `${url.host} answered ${http.status}` };
  try {
    return statusSchema.parse(JSON.parse(http.body)).status;
  } catch {
    return { error: `${url.host} answered something that is not a status` };
  }
}

/**
 * Preload answers kept across verifications, so a wizard polling every few seconds does not ask
 * hstspreload.org again each time. Only answers are kept, never failures. The list changes slowly (new
 * entries take months to reach Chrome stable: docs/verification.md#hsts-preload-list), so hours are fine.
 */
export class PreloadCache {
  private readonly entries = new Map<string, { status: ApiStatus; until: number }>();
  constructor(
    private readonly ttlMs = 6 * 60 * 60 * 1000,
    private readonly maxEntries = 5_000,
  ) {}
  get(key: string): ApiStatus | undefined {
    const e = this.entries.get(key);
    if (e && e.until > Date.now()) return e.status;
    this.entries.delete(key);
    return undefined;
  }
  set(key: string, status: ApiStatus): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { status, until: Date.now() + this.ttlMs });
  }
}

const store = globalThis as { __hstsPreloadCache?: PreloadCache };
export const sharedPreloadCache: PreloadCache = (store.__hstsPreloadCache ??= new PreloadCache());

async function preloadStatus(domain: string, deps: Deps, run: Map<string, Promise<ApiStatus | { error: string }>>, kept: PreloadCache): Promise<HstsPreload> {
  const names = ancestors(domain);
  const answers = await Promise.all(
    names.map(async (name) => {
      const key = `${deps.settings.hstsPreloadApiBaseUrl} ${name}`;
      const known = kept.get(key);
      if (known) return { name, answer: known };
      let answer = run.get(name);
      if (!answer) {
        answer = askStatusApi(name, deps).then((a) => {
          if (typeof a === "string") kept.set(key, a);
          return a;
        });
        run.set(name, answer);
      }
      return { name, answer: await answer };
    }),
  );
  const preloaded = answers.find((a) => a.answer === "preloaded");
  // Preloading requires includeSubDomains (hstspreload.org submission rules), so a preloaded ancestor covers its subdomains.
  if (preloaded) return { status: "preloaded", via: preloaded.name, source: "status-api", note: null };
  const tld = names.at(-1)!;
  const failures = answers.filter((a) => typeof a.answer === "object");
  if ((PRELOADED_TLDS.names as readonly string[]).includes(tld)) {
    return {
      status: "preloaded",
      via: tld,
      source: "tld-list",
      note: `.${tld} is preloaded as a whole (in-code list as of ${PRELOADED_TLDS.asOf}, from ${PRELOADED_TLDS.source})`,
    };
  }
  if (failures.length > 0) {
    const why = failures.map((f) => `${f.name}: ${(f.answer as { error: string }).error}`).join("; ");
    return {
      status: "unknown",
      via: null,
      source: "none",
      note: `Preload status unknown: the preload list could not be reached (${why}). Only whole-TLD preloads are known offline, and .${tld} is not one of them.`,
    };
  }
  const own = answers[0]!.answer as ApiStatus;
  const status: PreloadStatus = own === "pending" ? "pending" : "not-preloaded";
  return { status, via: own === "pending" ? domain : null, source: "status-api", note: own === "pending" ? `${domain} is waiting to be added to the preload list` : null };
}

function listHosts(hosts: string[]): string {
  return hosts.length > 4 ? `${hosts.slice(0, 4).join(", ")} and ${hosts.length - 4} more` : hosts.join(", ");
}

/** Which link hosts must serve HTTPS and what breaks today, in words. */
export function blastRadius(domain: string, hosts: string[], header: HstsHeader, preload: HstsPreload): { covers: HstsReport["coversLinkHosts"]; words: string } {
  const named = listHosts(hosts);
  const headerCovers = header.state === "present" && header.includeSubDomains && (header.maxAge ?? 0) > 0;
  if (preload.status === "preloaded") {
    return {
      covers: "yes",
      words:
        `${preload.via === domain ? domain : `.${preload.via}`} is on the browsers' HSTS preload list, so every browser forces HTTPS on every hostname under ${domain}, ` +
        `including ${named}, even on a first visit. A tracked link there, http:// ones in mail already sent included, works only when the link host serves a valid certificate naming it exactly; ` +
        `until the CDN does, such clicks end on a certificate error page with no way past it (on its own, the email provider answers with a certificate for its own name, not yours).`,
    };
  }
  if (headerCovers) {
    return {
      covers: "yes",
      words:
        `${domain} sends Strict-Transport-Security with includeSubDomains, so for ${Math.round((header.maxAge ?? 0) / 86400)} days after each visit to ${domain} a browser forces HTTPS on every hostname under it, including ${named}.` +
        ` For those people, tracked links, http:// ones in mail already sent included, break with a certificate error they cannot click past ` +
        `until the CDN serves a certificate naming each link host exactly.${header.preload ? ` The header also asks for preloading: once ${domain} is on the list, every browser does this, visited or not.` : ""}`,
    };
  }
  if (header.state === "unknown" || preload.status === "unknown") {
    return {
      covers: "unknown",
      words: `Whether browsers force HTTPS on ${named} is unknown: ${[header.note, preload.note].filter(Boolean).join(" ")}`,
    };
  }
  const partial =
    header.state === "present" && (header.maxAge ?? 0) > 0
      ? `${domain} sends HSTS without includeSubDomains, which covers ${domain} itself only, not ${named}. `
      : `No HSTS policy covers ${named} from ${domain}. `;
  return {
    covers: "no",
    words: `${partial}Plain http:// tracked links keep working today; HTTPS click tracking still needs a certificate naming each link host, and a parent name that sends includeSubDomains later would make it mandatory.`,
  };
}

export interface HstsChecker {
  check(domain: string, hosts: string[]): Promise<HstsReport>;
}

/** One checker per verification: each domain and each preload name is asked once (and kept a while). */
export function createHstsChecker(deps: Deps, kept: PreloadCache = sharedPreloadCache): HstsChecker {
  const reports = new Map<string, Promise<HstsReport>>();
  const apiCache = new Map<string, Promise<ApiStatus | { error: string }>>();
  return {
    check(domain, hosts) {
      let report = reports.get(domain);
      if (!report) {
        report = (async () => {
          const [header, preload] = await Promise.all([fetchHeader(domain, deps), preloadStatus(domain, deps, apiCache, kept)]);
          const { covers, words } = blastRadius(domain, hosts, header, preload);
          return { domain, header, preload, coversLinkHosts: covers, blastRadius: words };
        })();
        reports.set(domain, report);
      }
      return report;
    },
  };
}

