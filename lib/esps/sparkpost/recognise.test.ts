import { describe, expect, it } from "vitest";
import { recogniseSparkpost } from "./recognise";

/** Shapes from SparkPost/developers.sparkpost.com content/api/tracking-domains.apib (2026-02-10). */
const domain = (over: Record<string, unknown>) => ({
  domain: "click.news.example.com",
  port: 80,
  secure: false,
  default: false,
  status: { verified: true, cname_status: "valid", compliance_status: "valid", tls_status: "unknown" },
  uses_managed_certificate: false,
  ...over,
});

describe("SparkPost tracking domains", () => {
  it("reads a CNAME row, and the region from its endpoint", () => {
    expect(recogniseSparkpost("Hostname\tType\tValue\nclick.news.example.com\tCNAME\teu.spgo.io.")).toEqual({
      hosts: ["click.news.example.com"],
      records: [{ type: "CNAME", host: "click.news.example.com", value: "eu.spgo.io", role: "link", line: 2 }],
      region: "eu",
      tenant: undefined,
      managedHttps: false,
      notes: [],
    });
  });

  it("reads an Enterprise tenant from its endpoint", () => {
    const paste = recogniseSparkpost("CNAME click.news.example.com acme.et.e.sparkpost.com");
    expect([paste?.region, paste?.tenant, paste?.hosts]).toEqual([undefined, "acme", ["click.news.example.com"]]);
  });

  it("recognises a CNAME to a V2 endpoint as managed HTTPS", () => {
    const paste = recogniseSparkpost("CNAME click.news.example.com v2.spgo.io");
    expect([paste?.managedHttps, paste?.region]).toEqual([true, "us"]);
    expect(paste?.notes).toEqual([
      "click.news.example.com points at v2.spgo.io, a V2 endpoint: SparkPost's managed HTTPS works there with no CDN (turn it on in SparkPost: Tracking domains → the domain → HTTPS).",
    ]);
  });

  it("reads the API object, alone or in results, and says what secure means", () => {
    const one = recogniseSparkpost(JSON.stringify({ results: domain({}) }));
    expect(one).toEqual({
      hosts: ["click.news.example.com"],
      records: [{ type: "CNAME", host: "click.news.example.com", value: "", role: "link", line: 0 }],
      managedHttps: false,
      notes: ["click.news.example.com: secure is off, so SparkPost still writes http:// links; turn it on only once the CDN serves HTTPS (the last step says how)."],
    });
    const secure = recogniseSparkpost(JSON.stringify(domain({ secure: true, port: 443, status: { verified: false, cname_status: "pending" } })));
    expect(secure?.notes).toEqual([
      "click.news.example.com: secure is on, so SparkPost already writes https:// links for it; they fail until the CDN serves HTTPS for it.",
      "click.news.example.com: not verified in SparkPost yet (cname_status: pending).",
    ]);
  });

  it("recognises uses_managed_certificate: managed domains need no CDN, the others still do", () => {
    const list = {
      results: [
        domain({ domain: "click.a.example.com", secure: true, uses_managed_certificate: true, status: { verified: true, tls_status: "valid" } }),
        domain({ domain: "click.b.example.com" }),
      ],
    };
    const paste = recogniseSparkpost(JSON.stringify(list));
    expect(paste?.hosts).toEqual(["click.b.example.com"]);
    expect(paste?.managedHttps).toBe(false);
    expect(paste?.records.map((r) => r.role)).toEqual(["other", "link"]);
    expect(paste?.notes[0]).toBe("click.a.example.com: SparkPost's managed HTTPS serves it, so no CDN is needed for it; leave its CNAME pointing straight at SparkPost.");

    const allManaged = recogniseSparkpost(JSON.stringify({ results: [list.results[0]] }));
    expect([allManaged?.managedHttps, allManaged?.hosts]).toEqual([true, []]);
  });

  it("a managed certificate SparkPost cannot issue (Unavailable) leaves a CDN as the answer", () => {
    const paste = recogniseSparkpost(JSON.stringify(domain({ uses_managed_certificate: true, status: { tls_status: "unavailable" } })));
    expect([paste?.managedHttps, paste?.hosts]).toEqual([false, ["click.news.example.com"]]);
    expect(paste?.notes).toEqual([
      "click.news.example.com: SparkPost shows its managed certificate as Unavailable (Let's Encrypt policy refuses the name), so a CDN is the way to HTTPS for it.",
    ]);
  });

  it("refuses endpoints of two regions in one paste", () => {
    expect(recogniseSparkpost("CNAME a.x.example.com spgo.io\nCNAME b.x.example.com eu.spgo.io")?.problem).toBe(
      "The pasted tracking domains point at endpoints of more than one SparkPost region or tenant: one plan covers one. Paste one region's tracking domains at a time.",
    );
  });

  it("is not SparkPost's without one of its endpoints or its API object", () => {
    expect(recogniseSparkpost("CNAME ablink.x.example.com sendgrid.net")).toBeNull();
    expect(recogniseSparkpost(JSON.stringify({ results: { domain: "click.x.example.com" } }))).toBeNull();
    expect(recogniseSparkpost("CNAME click.x.example.com spgo.io.evil.example")).toBeNull();
  });
});
