import "server-only";
import { endpointsFromEnv } from "@/lib/env";
import { startFake, type FakeApi } from "@/lib/sandbox/http-fake";
import { ensureFake } from "@/lib/sandbox/registry";
import type { ApplyContext } from "@/lib/providers/server-types";
import { DENIED_KEY_PREFIX, type FakeAccounts } from "./fake-auth";
import { fakeAcm, type AcmFake } from "./fake-acm";
import { fakeCloudfront } from "./fake-cloudfront";
import type { CloudfrontCredentials } from "@/lib/providers/cloudfront/schema";

/** The two AWS fakes, wired together so CloudFront sees ACM's certificates. */
export interface CloudfrontFakesOptions {
  accounts: FakeAccounts;
  cloudfrontPort?: number;
  acmPort?: number;
  /** When a new distribution turns Deployed (default: after 3 reads). */
  deployAfter?: { calls?: number; ms?: number };
  /** Describes that show the validation record before the certificate is ISSUED (default 2). */
  issueAfterDescribes?: number;
  /** Describes before the validation record appears (default 1). */
  recordAfterDescribes?: number;
  maxDistributions?: number;
}

export function createCloudfrontFakeApis(opts: CloudfrontFakesOptions): { acm: AcmFake; cloudfront: FakeApi } {
  const acm = fakeAcm({ accounts: opts.accounts, issueAfterDescribes: opts.issueAfterDescribes, recordAfterDescribes: opts.recordAfterDescribes });
  const cloudfront = fakeCloudfront({ accounts: opts.accounts, acm, deployAfter: opts.deployAfter, maxDistributions: opts.maxDistributions });
  return { acm, cloudfront };
}

/** Starts both fakes on loopback (port 0 = any free port); used by tests and the e2e run. */
export async function startCloudfrontFakes(opts: CloudfrontFakesOptions) {
  const apis = createCloudfrontFakeApis(opts);
  const acm = await startFake(apis.acm, { port: opts.acmPort ?? 0 });
  const cloudfront = await startFake(apis.cloudfront, { port: opts.cloudfrontPort ?? 0 });
  return {
    cloudfrontUrl: cloudfront.url,
    acmUrl: acm.url,
    apis,
    close: async () => {
      await Promise.all([cloudfront.close(), acm.close()]);
    },
  };
}

/** Obviously fake credentials that only the sandbox fakes know. */
export const SANDBOX_CREDENTIALS: CloudfrontCredentials = {
  accessKeyId: "AKIASANDBOXFAKEKEY01",
  secretAccessKey: "sandbox/Secret/For/The/Local/Fakes/00000",
};

/** AWS's documentation example account id. */
const SANDBOX_ACCOUNT_ID = "111122223333";

const SANDBOX_OPTIONS: CloudfrontFakesOptions = {
  accounts: {
    [SANDBOX_CREDENTIALS.accessKeyId]: { secret: SANDBOX_CREDENTIALS.secretAccessKey, accountId: SANDBOX_ACCOUNT_ID },
    // Same account, but every write is refused: shows the permission error in the sandbox.
    [`${DENIED_KEY_PREFIX}00001`]: { secret: SANDBOX_CREDENTIALS.secretAccessKey, accountId: SANDBOX_ACCOUNT_ID },
  },
  issueAfterDescribes: 2,
  deployAfter: { ms: 3_000 },
};

const shared = globalThis as { __cloudfrontSandboxApis?: ReturnType<typeof createCloudfrontFakeApis> };

/** The in-app sandbox: both fakes started once per server process. */
export async function cloudfrontSandbox(): Promise<{ credentials: CloudfrontCredentials; ctx: ApplyContext }> {
  const apis = (shared.__cloudfrontSandboxApis ??= createCloudfrontFakeApis(SANDBOX_OPTIONS));
  const [acm, cloudfront] = await Promise.all([ensureFake("acm", () => apis.acm), ensureFake("cloudfront", () => apis.cloudfront)]);
  return { credentials: { ...SANDBOX_CREDENTIALS }, ctx: { endpoints: { ...endpointsFromEnv(), cloudfront: cloudfront.url, acm: acm.url } } };
}
