import "server-only";
import { endpointsFromEnv, type Endpoints } from "@/lib/env";
import type { CdnId } from "@/lib/plan/types";
import type { CloudflareCredentials } from "@/lib/providers/cloudflare/schema";
import type { CloudfrontCredentials } from "@/lib/providers/cloudfront/schema";
import type { FastlyCredentials } from "@/lib/providers/fastly/schema";
import type { KeycdnCredentials } from "@/lib/providers/keycdn/schema";
import type { ApplyContext } from "@/lib/providers/server-types";
import { ALL_PERMISSIONS, CloudflareFake } from "./fakes/cloudflare/fake";
import { DENIED_KEY_PREFIX } from "./fakes/cloudfront/fake-auth";
import { createCloudfrontFakeApis } from "./fakes/cloudfront/start";
import { FASTLY_SANDBOX_TOKEN, FastlyFake } from "./fakes/fastly/fake";
import { KEYCDN_SANDBOX_KEY, KeycdnFake } from "./fakes/keycdn/fake";
import { ensureFake } from "./registry";

/**
 * The in-app sandbox account. Per CDN: which fakes to start (once per server process, on loopback) and what
 * to hand that CDN's real adapter: credentials only the fake knows, and the fake's base URLs as the
 * context's endpoints. The adapters know nothing of it; to them the sandbox is an account behind another
 * base URL.
 */
export interface SandboxAccount {
  credentials: Record<string, string>;
  ctx: ApplyContext;
}

interface SandboxSetup {
  credentials: Record<string, string>;
  /** Starts the CDN's fakes if they are not running; the endpoints they answer on. */
  start(): Promise<Partial<Endpoints>>;
  /** Context settings besides the endpoints. */
  limits?: Omit<ApplyContext, "endpoints">;
}

/** Obviously fake AWS credentials that only the sandbox fakes know. */
const AWS_CREDENTIALS = {
  accessKeyId: "AKIASANDBOXFAKEKEY01",
  secretAccessKey: "sandbox/Secret/For/The/Local/Fakes/00000",
} satisfies CloudfrontCredentials;

/** AWS's documentation example account id. */
const AWS_ACCOUNT_ID = "111122223333";

/** Not a secret: it only opens the in-process fake. */
const CLOUDFLARE_TOKEN = "sandbox-cloudflare-token-not-a-secret-000";

// CloudFront and ACM share one account (CloudFront sees ACM's certificates), so their APIs are made once.
const shared = globalThis as { __cloudfrontSandboxApis?: ReturnType<typeof createCloudfrontFakeApis> };

/** The sandbox of each CDN (one table keyed by CDN id). */
const SANDBOXES: Record<CdnId, SandboxSetup> = {
  cloudfront: {
    credentials: AWS_CREDENTIALS,
    async start() {
      const apis = (shared.__cloudfrontSandboxApis ??= createCloudfrontFakeApis({
        accounts: {
          [AWS_CREDENTIALS.accessKeyId]: { secret: AWS_CREDENTIALS.secretAccessKey, accountId: AWS_ACCOUNT_ID },
          // Same account, but every write is refused: shows the permission error in the sandbox.
          [`${DENIED_KEY_PREFIX}00001`]: { secret: AWS_CREDENTIALS.secretAccessKey, accountId: AWS_ACCOUNT_ID },
        },
        issueAfterDescribes: 2,
        deployAfter: { ms: 3_000 },
      }));
      const [acm, cloudfront] = await Promise.all([ensureFake("acm", () => apis.acm), ensureFake("cloudfront", () => apis.cloudfront)]);
      return { cloudfront: cloudfront.url, acm: acm.url };
    },
  },
  cloudflare: {
    credentials: { apiToken: CLOUDFLARE_TOKEN } satisfies CloudflareCredentials,
    async start() {
      // Zones appear for any registrable domain the sandbox is asked about, with Advanced Certificate Manager.
      const create = () => new CloudflareFake({ autoCreateZones: true, readsUntilActive: 2, tokens: { [CLOUDFLARE_TOKEN]: { permissions: { ...ALL_PERMISSIONS } } } });
      return { cloudflare: (await ensureFake("cloudflare", create)).url };
    },
    limits: { maxRetries: 2, maxRetryDelayMs: 1000 },
  },
  fastly: {
    credentials: { apiToken: FASTLY_SANDBOX_TOKEN } satisfies FastlyCredentials,
    start: async () => ({ fastly: (await ensureFake("fastly", () => new FastlyFake())).url }),
  },
  keycdn: {
    credentials: { apiKey: KEYCDN_SANDBOX_KEY } satisfies KeycdnCredentials,
    start: async () => ({ keycdn: (await ensureFake("keycdn", () => new KeycdnFake())).url }),
  },
};

/** Starts the CDN's sandbox fakes if needed; credentials and context for the CDN's real adapter. */
export async function sandboxAccount(cdn: CdnId): Promise<SandboxAccount> {
  const setup = SANDBOXES[cdn];
  const endpoints = await setup.start();
  return { credentials: { ...setup.credentials }, ctx: { ...setup.limits, endpoints: { ...endpointsFromEnv(), ...endpoints } } };
}
