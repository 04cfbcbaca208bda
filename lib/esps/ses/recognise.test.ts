import { describe, expect, it } from "vitest";
import { recogniseSes } from "./recognise";

describe("Amazon SES custom tracking domains", () => {
  it("reads the tracking CNAME and takes the region from it; DKIM records are not tracking records", () => {
    const paste = recogniseSes("click.news.example.com CNAME r.eu-central-1.awstrack.me\nabc123._domainkey.news.example.com CNAME abc123.dkim.amazonses.com");
    expect(paste).toEqual({
      hosts: ["click.news.example.com"],
      records: [
        { type: "CNAME", host: "click.news.example.com", value: "r.eu-central-1.awstrack.me", role: "link", line: 1 },
        { type: "CNAME", host: "abc123._domainkey.news.example.com", value: "abc123.dkim.amazonses.com", role: "other", line: 2 },
      ],
      region: "eu-central-1",
      managedHttps: false,
      notes: [],
    });
  });

  it("reads a configuration set's TrackingOptions and says what HttpsPolicy means", () => {
    const paste = recogniseSes(JSON.stringify({ ConfigurationSetName: "marketing", TrackingOptions: { CustomRedirectDomain: "click.news.example.com", HttpsPolicy: "REQUIRE" } }));
    expect(paste?.hosts).toEqual(["click.news.example.com"]);
    expect(paste?.region).toBeUndefined();
    expect(paste?.notes).toEqual(["click.news.example.com: HttpsPolicy is REQUIRE, so SES already writes https:// links for it; they fail until the CDN serves HTTPS for it."]);
    expect(recogniseSes(JSON.stringify({ TrackingOptions: { CustomRedirectDomain: "c.x.example.com" } }))?.notes).toEqual([
      "c.x.example.com: HttpsPolicy is OPTIONAL (the default); set it to REQUIRE only after the check passes (the last step says how).",
    ]);
  });

  it("refuses tracking domains of two regions in one paste", () => {
    expect(recogniseSes("CNAME a.x.example.com r.us-east-1.awstrack.me\nCNAME b.x.example.com r.eu-west-1.awstrack.me")?.problem).toBe(
      "The pasted tracking domains point at Amazon SES in more than one region (us-east-1, eu-west-1): one plan covers one region. Paste one region's tracking domains at a time.",
    );
  });

  it("is not SES's without a well-formed awstrack origin", () => {
    expect(recogniseSes("CNAME a.x.example.com r.mars.awstrack.me")).toBeNull();
    expect(recogniseSes("CNAME a.x.example.com sendgrid.net")).toBeNull();
  });
});
