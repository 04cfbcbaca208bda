import "server-only";
import type { CdnId, PlanInput } from "@/lib/domain/plan";
import { listCertificates } from "@/lib/providers/cloudfront/certificates";
import { createClients, destroyClients } from "@/lib/providers/cloudfront/client";
import { listDistributions } from "@/lib/providers/cloudfront/distributions";
import { ListCachePoliciesCommand, ListOriginRequestPoliciesCommand } from "@aws-sdk/client-cloudfront";
import { policyOf } from "@/lib/providers/engine/policy";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import { ALL_PERMISSIONS, CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";
import { startCloudfrontFakes } from "@/lib/sandbox/fakes/cloudfront/start";
import { FastlyFake } from "@/lib/sandbox/fakes/fastly/fake";
import { KeycdnFake } from "@/lib/sandbox/fakes/keycdn/fake";
import { startFake, type FakeCall, type Fault, type RunningFake } from "@/lib/sandbox/http-fake";

/**
 * Every CDN's adapter (from the registry) wired to its own loopback fake, behind one interface: used by the
 * contract test and the fault-injection table (lib/providers/contract.test.ts, faults.test.ts) and the
 * benchmark (scripts/bench.ts). Each start makes a fresh fake. A new CDN adds its entry to HARNESSES.
 */
export interface ProviderHarness {
  id: CdnId;
  name: string;
  provider: ServerProvider<unknown>;
  /** Credentials the fake accepts, each value unique to this harness (the scrubbing checks look for them). */
  credentials: Record<string, string>;
  /** Short timeout and bounded retries unless the caller overrides them. */
  ctx: ApplyContext;
  /** The input for these hosts (Cloudflare: the person has confirmed link branding validated). */
  input(hosts: string[]): PlanInput;
  /** Resource id → kind, for everything in the fake account (read in-process or around the faults). */
  inventory(): Promise<Map<string, string>>;
  faults(list: Fault[]): Promise<void>;
  /** Drops the faults not yet used; the account keeps what was made. */
  clearFaults(): Promise<void>;
  /** Added to every API call, in ms. */
  latency(ms: number): Promise<void>;
  /** API calls the fakes have seen since the last reset, each marked with the fault that answered it, if any. */
  calls(): Promise<FakeCall[]>;
  /** An empty account, no faults, no latency, no calls. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Zone every host is under (Cloudflare needs it to exist). */
  zone?: string;
  requestTimeoutMs?: number;
}

const control = async (urls: string[], path: string, body: unknown) => {
  for (const url of urls) await fetch(`${url}/__sandbox/${path}`, { method: "POST", body: JSON.stringify(body) });
};
const callLog = async (urls: string[]) => (await Promise.all(urls.map(async (u) => (await (await fetch(`${u}/__sandbox/calls`)).json()) as FakeCall[]))).flat();

function ctxFor(endpoints: Partial<ApplyContext["endpoints"]>, opts: HarnessOptions): ApplyContext {
  const unused = "http://127.0.0.1:9";
  return { endpoints: { cloudflare: unused, fastly: unused, keycdn: unused, ...endpoints }, maxRetries: 2, maxRetryDelayMs: 50, requestTimeoutMs: opts.requestTimeoutMs ?? 300 };
}

function controls(urls: string[], afterReset?: () => void) {
  return {
    faults: (list: Fault[]) => control(urls, "faults", list),
    clearFaults: () => control(urls, "faults/clear", {}),
    latency: (ms: number) => control(urls, "latency", { ms }),
    calls: () => callLog(urls),
    reset: async () => {
      await control(urls, "reset", {});
      afterReset?.();
    },
  };
}

/** The registry's adapter for `cdn`, with its name as messages give it. */
function adapter(cdn: CdnId) {
  const provider = SERVER_PROVIDERS[cdn] as ServerProvider<unknown>;
  return { id: cdn, name: provider.module.verification.name, provider };
}

async function cloudfrontHarness(opts: HarnessOptions = {}): Promise<ProviderHarness> {
  const KEY = "AKIAHARNESSTESTKEY01";
  const SECRET = "harnessTestSecret/0000000000000000000000";
  const fakes = await startCloudfrontFakes({ controls: true, accounts: { [KEY]: SECRET }, deployAfter: { calls: 1 }, issueAfterDescribes: 1, recordAfterDescribes: 1, maxDistributions: 1000 });
  const credentials = { accessKeyId: KEY, secretAccessKey: SECRET };
  const ctx = ctxFor({ cloudfront: fakes.cloudfrontUrl, acm: fakes.acmUrl }, opts);
  return {
    ...adapter("cloudfront"),
    credentials,
    ctx,
    input: (hosts) => ({ hosts, region: "global" }),
    async inventory() {
      const clients = createClients(credentials, ctx.endpoints, policyOf({ ...ctx, maxRetries: 0 }));
      try {
        const [distributions, certificates, requestPolicies, cachePolicies] = await Promise.all([
          listDistributions(clients.cloudfront),
          listCertificates(clients.acm),
          clients.cloudfront.send(new ListOriginRequestPoliciesCommand({ Type: "custom" })),
          clients.cloudfront.send(new ListCachePoliciesCommand({ Type: "custom" })),
        ]);
        return new Map([
          ...distributions.map((d) => [d.Id!, "distribution"] as const),
          ...certificates.map((c) => [c.CertificateArn!, "certificate"] as const),
          ...(requestPolicies.OriginRequestPolicyList?.Items ?? []).map((p) => [p.OriginRequestPolicy!.Id!, "origin request policy"] as const),
          ...(cachePolicies.CachePolicyList?.Items ?? []).map((p) => [p.CachePolicy!.Id!, "cache policy"] as const),
        ]);
      } finally {
        destroyClients(clients);
      }
    },
    ...controls([fakes.cloudfrontUrl, fakes.acmUrl]),
    close: fakes.close,
  };
}

async function single(fake: CloudflareFake | FastlyFake | KeycdnFake, endpoint: keyof ApplyContext["endpoints"], opts: HarnessOptions, path = "", afterReset?: () => void) {
  const running: RunningFake = await startFake(fake, { controls: true });
  afterReset?.();
  return { ctx: ctxFor({ [endpoint]: `${running.url}${path}` }, opts), ...controls([running.url], afterReset), close: running.close };
}

async function cloudflareHarness(opts: HarnessOptions = {}): Promise<ProviderHarness> {
  const TOKEN = "harnessCloudflareToken000000000000000001";
  const zone = opts.zone ?? "customer.com";
  const fake = new CloudflareFake({ readsUntilActive: 1, tokens: { [TOKEN]: { permissions: { ...ALL_PERMISSIONS } } } });
  return {
    ...adapter("cloudflare"),
    credentials: { apiToken: TOKEN },
    // The person confirms that link branding validated, so apply may finish by turning on the proxy.
    input: (hosts) => ({ hosts, region: "global", linkBrandingValidated: true }),
    async inventory() {
      const s = fake.state(zone);
      const rules = Object.values(s.rulesets).flatMap((r) => r.rules);
      return new Map([...s.records.map((r) => [r.id, "DNS record"] as const), ...s.packs.map((p) => [p.id, "certificate pack"] as const), ...rules.map((r) => [String(r.id), "rule"] as const)]);
    },
    ...(await single(fake, "cloudflare", opts, "/client/v4", () => fake.addZone(zone, { acm: true }))),
  };
}

async function fastlyHarness(opts: HarnessOptions = {}): Promise<ProviderHarness> {
  const TOKEN = "harnessFastlyToken00000000000001";
  const fake = new FastlyFake({ tokens: { [TOKEN]: { scope: "global" } }, readsPerState: 1 });
  return {
    ...adapter("fastly"),
    credentials: { apiToken: TOKEN },
    input: (hosts) => ({ hosts, region: "global" }),
    async inventory() {
      const s = fake.state();
      return new Map([...s.services.map((x) => [x.id, "service"] as const), ...s.subscriptions.map((x) => [x.id, "TLS subscription"] as const)]);
    },
    ...(await single(fake, "fastly", opts)),
  };
}

async function keycdnHarness(opts: HarnessOptions = {}): Promise<ProviderHarness> {
  const KEY = "sk_harness_keycdn_00000000000001";
  const fake = new KeycdnFake({ keys: [KEY] });
  return {
    ...adapter("keycdn"),
    credentials: { apiKey: KEY },
    input: (hosts) => ({ hosts, region: "global" }),
    async inventory() {
      const s = fake.state();
      return new Map([...s.zones.map((z) => [z.id, "zone"] as const), ...s.aliases.map((a) => [a.id, "zone alias"] as const)]);
    },
    ...(await single(fake, "keycdn", opts)),
  };
}

/** One harness per CDN id: the compiler holds a new CDN to adding its own. */
export const HARNESSES: Record<CdnId, { name: string; start: (opts?: HarnessOptions) => Promise<ProviderHarness> }> = {
  cloudfront: { name: adapter("cloudfront").name, start: cloudfrontHarness },
  cloudflare: { name: adapter("cloudflare").name, start: cloudflareHarness },
  fastly: { name: adapter("fastly").name, start: fastlyHarness },
  keycdn: { name: adapter("keycdn").name, start: keycdnHarness },
};
