import "server-only";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import { startFake } from "@/lib/sandbox/http-fake";
import type { FakeAccounts } from "./fake-auth";
import { fakeAcm, type AcmFake } from "./fake-acm";
import { fakeCloudfront } from "./fake-cloudfront";

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
  /** Serve the /__sandbox/ control endpoints (tests and the e2e run). */
  controls?: boolean;
}

export function createCloudfrontFakeApis(opts: CloudfrontFakesOptions): { acm: AcmFake; cloudfront: StatefulFake } {
  const acm = fakeAcm({ accounts: opts.accounts, issueAfterDescribes: opts.issueAfterDescribes, recordAfterDescribes: opts.recordAfterDescribes });
  const cloudfront = fakeCloudfront({ accounts: opts.accounts, acm, deployAfter: opts.deployAfter, maxDistributions: opts.maxDistributions });
  return { acm, cloudfront };
}

/** Starts both fakes on loopback (port 0 = any free port); used by tests and the e2e run. */
export async function startCloudfrontFakes(opts: CloudfrontFakesOptions) {
  const apis = createCloudfrontFakeApis(opts);
  const acm = await startFake(apis.acm, { port: opts.acmPort ?? 0, controls: opts.controls });
  const cloudfront = await startFake(apis.cloudfront, { port: opts.cloudfrontPort ?? 0, controls: opts.controls });
  return {
    cloudfrontUrl: cloudfront.url,
    acmUrl: acm.url,
    apis,
    close: async () => {
      await Promise.all([cloudfront.close(), acm.close()]);
    },
  };
}
