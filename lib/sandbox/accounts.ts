import "server-only";
import { endpointsFromEnv, env } from "@/lib/env";
import type { CdnId } from "@/lib/domain/plan";
import type { CloudflareCredentials } from "@/lib/providers/cloudflare/credentials";
import type { CloudfrontCredentials } from "@/lib/providers/cloudfront/credentials";
import type { FastlyCredentials } from "@/lib/providers/fastly/credentials";
import type { KeycdnCredentials } from "@/lib/providers/keycdn/credentials";
import type { ApplyContext } from "@/lib/providers/server-types";
import limits from "@/lib/security/limits.json";
import type { DnsContext } from "@/lib/dns-hosts/server-types";
import type { DnsHostId } from "@/lib/dns-hosts/registry";
import { DNS_SANDBOXES, dnsSandboxId, type DnsSandboxId } from "./dns-accounts";
import { ALL_PERMISSIONS, CloudflareFake } from "./fakes/cloudflare/fake";
import { createCloudfrontFakeApis } from "./fakes/cloudfront/start";
import { FastlyFake } from "./fakes/fastly/fake";
import { KeycdnFake } from "./fakes/keycdn/fake";
import type { FakeRequest } from "./http-fake";
import { ensureFake } from "./registry";
import { VisitorAccounts, type CdnSandbox, type VisitorAccountsOptions } from "./visitor-accounts";

/**
 * The in-app sandbox account, one per visitor and CDN (lib/sandbox/visitor-accounts.ts). Per CDN: which fakes
 * serve it, credentials only that visitor's fakes know, and what to hand that CDN's real adapter: those
 * credentials, and the fakes' base URLs as the context's endpoints. The adapters know nothing of it; to them
 * the sandbox is an account behind another base URL.
 */
export interface SandboxAccount {
  credentials: Record<string, string>;
  ctx: ApplyContext;
}

const hex = (bytes: Buffer, chars: number) => bytes.toString("hex").slice(0, chars);
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const header = (req: FakeRequest, name: string): string => String(req.headers[name] ?? "");
const bearer = (req: FakeRequest) => /^Bearer (\S+)$/.exec(header(req, "authorization"))?.[1];

/** The sandbox of each CDN (one table keyed by CDN id). Credentials are obviously fake and open only the visitor's fakes. */
export const SANDBOXES: Record<CdnId, CdnSandbox> = {
  cloudfront: {
    // CloudFront and ACM share one account (CloudFront sees ACM's certificates).
    services: ["cloudfront", "acm"],
    credentials: (seed) =>
      ({
        accessKeyId: `AKIA${[...seed("key").subarray(0, 16)].map((b) => BASE32[b % 32]).join("")}`,
        secretAccessKey: seed("secret").subarray(0, 30).toString("base64"),
      }) satisfies CloudfrontCredentials,
    accountKey: (c) => c.accessKeyId!,
    presented: (_, req) => /Credential=([A-Z0-9]+)\//.exec(header(req, "authorization"))?.[1],
    fakes(c) {
      const apis = createCloudfrontFakeApis({ accounts: { [c.accessKeyId!]: c.secretAccessKey! }, issueAfterDescribes: 2, deployAfter: { ms: 3_000 } });
      return { cloudfront: apis.cloudfront, acm: apis.acm };
    },
  },
  cloudflare: {
    services: ["cloudflare"],
    credentials: (seed) => ({ apiToken: `sandbox_cloudflare_${hex(seed("token"), 40)}` }) satisfies CloudflareCredentials,
    accountKey: (c) => c.apiToken!,
    presented: (_, req) => bearer(req),
    // Zones appear for any registrable domain the sandbox is asked about, with Advanced Certificate Manager.
    fakes: (c) => ({ cloudflare: new CloudflareFake({ autoCreateZones: true, readsUntilActive: 2, tokens: { [c.apiToken!]: { permissions: { ...ALL_PERMISSIONS } } } }) }),
  },
  fastly: {
    services: ["fastly"],
    credentials: (seed) => ({ apiToken: `sandbox_fastly_${hex(seed("token"), 32)}` }) satisfies FastlyCredentials,
    accountKey: (c) => c.apiToken!,
    presented: (_, req) => header(req, "fastly-key") || undefined,
    fakes: (c) => ({ fastly: new FastlyFake({ tokens: { [c.apiToken!]: { scope: "global" } } }) }),
  },
  keycdn: {
    services: ["keycdn"],
    credentials: (seed) => ({ apiKey: `sk_sandbox_${hex(seed("key"), 32)}` }) satisfies KeycdnCredentials,
    accountKey: (c) => c.apiKey!,
    presented(_, req) {
      const basic = /^Basic\s+(\S+)$/i.exec(header(req, "authorization"))?.[1];
      return basic === undefined ? undefined : Buffer.from(basic, "base64").toString("utf8").split(":")[0];
    },
    fakes: (c) => ({ keycdn: new KeycdnFake({ keys: [c.apiKey!] }) }),
  },
};

/** Context settings besides the endpoints. */
const CONTEXT: Partial<Record<CdnId, Omit<ApplyContext, "endpoints">>> = {
  cloudflare: { maxRetries: 2, maxRetryDelayMs: 1000 },
};

/** A sandbox account's kind: a CDN's, or a DNS host's (lib/sandbox/dns-accounts.ts). */
export type SandboxKind = CdnId | DnsSandboxId;

/**
 * A set of sandbox accounts; the app has one (below), tests and the benchmark make their own. Credentials are
 * derived under SANDBOX_SECRET when it is set (the same on every instance), else under a key drawn now.
 */
export function createVisitorAccounts(opts: Partial<VisitorAccountsOptions<SandboxKind>> = {}): VisitorAccounts<SandboxKind> {
  const secret = env().SANDBOX_SECRET;
  return new VisitorAccounts<SandboxKind>({
    sandboxes: { ...SANDBOXES, ...DNS_SANDBOXES },
    limits: limits.sandbox,
    start: ensureFake,
    secret: secret === undefined ? undefined : Buffer.from(secret, "utf8"),
    ...opts,
  });
}

// On globalThis so that a development server's module reloads keep the accounts.
const holder = globalThis as { __visitorAccounts?: VisitorAccounts<SandboxKind> };

/**
 * The visitor's sandbox account for this CDN, now also touching `hosts`: starts the CDN's fakes if needed;
 * credentials and context for the CDN's real adapter. Throws SandboxLimitError when a cap is hit.
 */
export async function sandboxAccount(cdn: CdnId, visitorId: string, hosts: readonly string[], accounts = (holder.__visitorAccounts ??= createVisitorAccounts())): Promise<SandboxAccount> {
  const { credentials, endpoints } = await accounts.open(cdn, visitorId, hosts);
  return { credentials, ctx: { ...CONTEXT[cdn], endpoints: { ...endpointsFromEnv(), ...endpoints } } };
}

/**
 * The visitor's sandbox DNS host of this kind, now also holding `hosts` (each seeded with its zone, the link record
 * pointing at SendGrid and an owner record): credentials and context for the DNS host's real adapter.
 */
export async function dnsSandboxAccount(id: DnsHostId, visitorId: string, hosts: readonly string[], accounts = (holder.__visitorAccounts ??= createVisitorAccounts())): Promise<{ credentials: Record<string, string>; ctx: DnsContext }> {
  const kind = dnsSandboxId(id);
  const { credentials, endpoints } = await accounts.open(kind, visitorId, hosts);
  return { credentials, ctx: { endpoint: endpoints[kind], maxRetries: 2, maxRetryDelayMs: 1000, pollMs: 500, syncWaitMs: 10_000 } };
}
