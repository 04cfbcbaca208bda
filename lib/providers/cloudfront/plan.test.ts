import { describe, expect, it } from "vitest";
import { fieldsOf, recordsOf } from "@/lib/domain/plan";
import { plan } from "./plan";
import { distributionConfig, newCallerReference } from "./distribution-config";

const HOST = "ablink.subdomain.customer.com";
const valueOf = (p: ReturnType<typeof plan>, id: string) => fieldsOf(p.hosts[0]!).find((f) => f.id === id)?.value;

describe("CloudFront plan: every seed value", () => {
  const p = plan({ hosts: [HOST], region: "global" });

  it.each([
    ["originDomain", "sendgrid.net"],
    ["originPath", ""],
    ["originName", "Braze_sendgrid-HSTS-email"],
    ["minOriginSsl", "TLSv1.2"],
    ["originProtocol", "HTTPS only"],
    ["responseTimeout", "30"],
    ["keepaliveTimeout", "5"],
    ["httpPort", "80"],
    ["httpsPort", "443"],
    ["targetOrigin", "Braze_sendgrid-HSTS-email"],
    ["viewerProtocol", "HTTP and HTTPS"],
    ["allowedMethods", "GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE"],
    ["cachedMethods", "GET, HEAD, OPTIONS"],
    ["cacheKeyMode", "Legacy cache settings"],
    ["headers", "All"],
    ["queryStrings", "All"],
    ["cookies", "All"],
    ["minTtl", "0"],
    ["defaultTtl", "86400"],
    ["maxTtl", "31536000"],
    ["logging", "Off"],
    ["priceClass", "Use all edge locations (best performance)"],
    ["waf", "Do not enable security protections"],
    ["state", "Enabled"],
    ["alternateDomain", HOST],
    ["securityPolicy", "TLSv1.2_2021 (recommended)"],
    ["legacyClients", "Off (SNI only)"],
    ["httpVersions", "HTTP/2 (HTTP/1.0 and HTTP/1.1 are always supported)"],
    ["ipv6", "On"],
    ["defaultRootObject", ""],
    ["acmDomainName", HOST],
    ["acmRegion", "US East (N. Virginia) us-east-1"],
    ["acmValidation", "DNS validation - recommended"],
  ])("%s = %j", (id, value) => {
    expect(valueOf(p, id)).toBe(value);
  });

  it("keeps the seed's label where the console renamed a field", () => {
    const origin = fieldsOf(p.hosts[0]!).find((f) => f.id === "originName")!;
    expect(origin).toMatchObject({ label: "Name", seedLabel: "Origin ID" });
  });

  it("orders the steps as documented", () => {
    expect(p.hosts[0]!.steps.map((s) => s.id)).toEqual(["certificate", "create", "configure", "test", "dns", "next"]);
    expect(p.hosts[0]!.steps.find((s) => s.id === "configure")!.groups!.map((g) => g.title)).toEqual([
      "Origin",
      "Default cache behavior",
      "Web Application Firewall (WAF)",
      "Settings",
    ]);
  });

  it("switches only the link host, to the distribution domain once known", () => {
    const known = plan({ hosts: [HOST], region: "global", targets: ["d111111abcdef8.cloudfront.net"] });
    const dns = recordsOf(known.hosts[0]!).filter((r) => r.phase === "switch");
    expect(dns).toEqual([
      {
        type: "CNAME",
        name: HOST,
        relativeName: "ablink.subdomain",
        zone: "customer.com",
        value: "d111111abcdef8.cloudfront.net",
        valueKnown: true,
        proxied: undefined,
        ttl: "Auto",
        purpose: "Sends clicks to CloudFront, which forwards them to SendGrid over HTTPS.",
        phase: "switch",
      },
    ]);
  });

  it("explains that a one-label wildcard does not cover a deeper host", () => {
    expect(p.hosts[0]!.steps[0]!.intro).toContain("A wildcard *.customer.com does NOT cover it");
  });

  it("uses eu.sendgrid.net for EU-region accounts and never sendgrid.net", () => {
    const eu = plan({ hosts: [HOST], region: "eu" });
    expect(eu.origin).toBe("eu.sendgrid.net");
    expect(valueOf(eu, "originDomain")).toBe("eu.sendgrid.net");
    expect(fieldsOf(eu.hosts[0]!).some((f) => f.value === "sendgrid.net")).toBe(false);
  });
});

describe("CloudFront DistributionConfig", () => {
  const config = distributionConfig(HOST, "sendgrid.net", "arn:aws:acm:us-east-1:123456789012:certificate/abc");

  it("has the seed's values as API fields", () => {
    const origin = config.Origins!.Items![0]!;
    expect(origin).toMatchObject({ Id: "Braze_sendgrid-HSTS-email", DomainName: "sendgrid.net", OriginPath: "" });
    expect(origin.CustomOriginConfig).toEqual({
      HTTPPort: 80,
      HTTPSPort: 443,
      OriginProtocolPolicy: "https-only",
      OriginSslProtocols: { Quantity: 1, Items: ["TLSv1.2"] },
      OriginReadTimeout: 30,
      OriginKeepaliveTimeout: 5,
    });
    const behavior = config.DefaultCacheBehavior!;
    expect(behavior.ViewerProtocolPolicy).toBe("allow-all");
    expect(behavior.AllowedMethods).toEqual({
      Quantity: 7,
      Items: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      CachedMethods: { Quantity: 3, Items: ["GET", "HEAD", "OPTIONS"] },
    });
    expect(behavior.ForwardedValues).toEqual({
      QueryString: true,
      Cookies: { Forward: "all" },
      Headers: { Quantity: 1, Items: ["*"] },
      QueryStringCacheKeys: { Quantity: 0, Items: [] },
    });
    expect([behavior.MinTTL, behavior.DefaultTTL, behavior.MaxTTL]).toEqual([0, 86400, 31536000]);
    expect(config.ViewerCertificate).toEqual({
      CloudFrontDefaultCertificate: false,
      ACMCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
      SSLSupportMethod: "sni-only",
      MinimumProtocolVersion: "TLSv1.2_2021",
    });
    expect(config).toMatchObject({
      Enabled: true,
      Aliases: { Quantity: 1, Items: [HOST] },
      PriceClass: "PriceClass_All",
      WebACLId: "",
      HttpVersion: "http2",
      IsIPV6Enabled: true,
      DefaultRootObject: "",
      Logging: { Enabled: false, IncludeCookies: false, Bucket: "", Prefix: "" },
    });
  });

  it("carries the CallerReference it is given, and none when it is only read", () => {
    expect(config.CallerReference).toBe("");
    expect(distributionConfig(HOST, "sendgrid.net", "other", "ssl-click-given").CallerReference).toBe("ssl-click-given");
  });

  it("gets a new CallerReference for every create", () => {
    const references = Array.from({ length: 50 }, () => newCallerReference());
    expect(new Set(references).size).toBe(50);
    expect(references[0]).toMatch(/^ssl-click-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe("CloudFront plan: certificate validation record", () => {
  it("lives in the host's zone with a relative name", () => {
    const record = recordsOf(plan({ hosts: [HOST], region: "global" }).hosts[0]!).find((r) => r.phase === "setup")!;
    expect(record).toMatchObject({ name: `_<token>.${HOST}`, relativeName: "_<token>.ablink.subdomain", zone: "customer.com", valueKnown: false });
  });
});
