import { describe, expect, it } from "vitest";
import { exportPlan } from "@/lib/export";
import { plan as cloudfrontPlan } from "./plan";
import { awsCliExport } from "./export";

/**
 * The AWS CLI export carries CallerReferences of its own: never apply's, never another download's, since
 * CloudFront refuses a reference it has seen (docs/providers/cloudfront.md#callerreference).
 */

const plan = cloudfrontPlan({ hosts: ["ablink.a.customer.com", "ablink.b.customer.com"], region: "global" });
const REFERENCE = /^ssl-click-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const referencesOf = (body: string) => Object.values((JSON.parse(body) as ReturnType<typeof awsCliExport>).distributions).map((d) => d.CallerReference!);

function download(): string {
  const r = exportPlan(plan, "aws-cli", "http://localhost:3000/setup?cdn=cloudfront");
  if (!r.ok) throw new Error(r.message);
  return r.body;
}

describe("AWS CLI export", () => {
  it("gives every hostname a new CallerReference, and a second download new ones again", () => {
    const first = referencesOf(download());
    const second = referencesOf(download());
    for (const r of [...first, ...second]) expect(r).toMatch(REFERENCE);
    expect(new Set([...first, ...second]).size).toBe(4);
  });

  it("says how to create, and that a create again needs a new reference", () => {
    let n = 0;
    const out = awsCliExport(plan, () => `ref-${++n}`);
    expect(Object.entries(out.distributions).map(([host, d]) => [host, d.CallerReference, d.Aliases?.Items, d.ViewerCertificate?.ACMCertificateArn])).toEqual([
      ["ablink.a.customer.com", "ref-1", ["ablink.a.customer.com"], "arn:aws:acm:us-east-1:ACCOUNT_ID:certificate/ISSUED-CERTIFICATE-FOR-ablink.a.customer.com"],
      ["ablink.b.customer.com", "ref-2", ["ablink.b.customer.com"], "arn:aws:acm:us-east-1:ACCOUNT_ID:certificate/ISSUED-CERTIFICATE-FOR-ablink.b.customer.com"],
    ]);
    expect(out.howToUse).toEqual([
      `Save one document from "distributions" to a file, e.g. jq '.distributions["ablink.a.customer.com"]' this-file.json > distribution.json`,
      "In that file, replace ACMCertificateArn with the ARN of the Issued ACM certificate (us-east-1) for that hostname.",
      "Create it: aws cloudfront create-distribution --distribution-config file://distribution.json",
      "Each create needs a CallerReference CloudFront has never seen, even after the distribution it made is deleted (otherwise: DistributionAlreadyExists). The ones here are new for this download: to create again, download the export again or set CallerReference to a new value (e.g. the output of date +%s).",
    ]);
  });
});
