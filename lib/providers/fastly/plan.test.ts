import { describe, expect, it } from "vitest";
import { fieldsOf, recordsOf, type HostPlan } from "@/lib/domain/plan";
import { PROVIDERS } from "@/lib/providers";
import { plan } from "./plan";

const HOST = "ablink.subdomain.customer.com";

function values(hp: HostPlan): Record<string, string> {
  return Object.fromEntries(fieldsOf(hp).map((f) => [f.id, f.value]));
}

describe("Fastly plan", () => {
  it("is registered and available", () => {
    expect(PROVIDERS.fastly?.info.available).toBe(true);
    expect(PROVIDERS.fastly?.plan).toBe(plan);
  });

  it("pins every value for the global region", () => {
    const p = plan({ hosts: [HOST], region: "global" });
    expect(p).toMatchObject({ version: 1, cdn: "fastly", cdnName: "Fastly", region: "global", origin: "sendgrid.net" });
    const hp = p.hosts[0]!;
    expect(hp).toMatchObject({ host: HOST, zone: "customer.com", relativeName: "ablink.subdomain" });
    expect(hp.steps.map((s) => s.id)).toEqual(["create", "configure", "activate", "certificate", "test", "dns", "next"]);
    expect(values(hp)).toEqual({
      serviceName: `ssl-click-tracking ${HOST}`,
      domainName: HOST,
      hostAddress: "sendgrid.net",
      hostName: "sendgrid",
      enableTls: "Yes",
      port: "443",
      verifyCertificate: "Yes",
      certificateHostname: "sendgrid.net",
      sniHostname: "sendgrid.net",
      minTls: "1.2",
      overrideHost: "",
      fallbackTtl: "0",
      serviceOverrideHost: "",
      tlsDomain: HOST,
      certificationAuthority: "Let's Encrypt",
      tlsConfiguration: "the configuration marked Default",
    });
    const apis = Object.fromEntries(fieldsOf(hp).map((f) => [f.id, f.api]));
    expect(apis).toMatchObject({
      serviceName: "POST /service name, type=vcl",
      enableTls: "use_ssl=1",
      verifyCertificate: "ssl_check_cert=1",
      overrideHost: "override_host (not sent)",
      fallbackTtl: "general.default_ttl=0",
      certificationAuthority: 'certificate_authority: "lets-encrypt"',
    });
    expect(fieldsOf(hp).find((f) => f.id === "overrideHost")?.entry).toBe("blank");
  });

  it("gives the ACME challenge record and a placeholder CNAME target, never a hard-coded one", () => {
    const hp = plan({ hosts: [HOST], region: "global" }).hosts[0]!;
    const [challenge, link] = recordsOf(hp);
    expect(challenge).toEqual({
      type: "CNAME",
      name: `_acme-challenge.${HOST}`,
      relativeName: "_acme-challenge.ablink.subdomain",
      zone: "customer.com",
      value: "the value Fastly shows under Verify ownership (a name ending in .fastly-validations.com)",
      valueKnown: false,
      proxied: undefined,
      ttl: "Auto",
      purpose: "Lets Fastly's certificate authority confirm you control the hostname, before any traffic moves. Keep it: renewals use it.",
      phase: "setup",
    });
    expect(link).toMatchObject({ type: "CNAME", name: HOST, relativeName: "ablink.subdomain", valueKnown: false, phase: "switch" });
    expect(link!.value).toBe(
      `the CNAME record Fastly lists for ${HOST} (Secure › TLS management › Domains › ${HOST}, from its TLS configuration's DNS records; a name ending in .fastly.net)`,
    );
    expect(JSON.stringify(hp)).not.toMatch(/sni\.global\.fastly\.net|fastly-validations\.com"/);
  });

  it("uses a known target from the input", () => {
    const hp = plan({ hosts: ["ablink.a.example.com", HOST], region: "global", targets: [undefined, "x.sni.global.fastly.net"] }).hosts;
    expect(recordsOf(hp[0]!)[1]!.valueKnown).toBe(false);
    expect(recordsOf(hp[1]!)[1]).toMatchObject({ value: "x.sni.global.fastly.net", valueKnown: true });
    expect(hp[1]!.steps.find((s) => s.id === "test")!.actions.join("\n")).toContain("--connect-to ablink.subdomain.customer.com:443:x.sni.global.fastly.net:443");
  });

  it("EU: every origin, backend and certificate value is eu.sendgrid.net, never plain sendgrid.net", () => {
    const p = plan({ hosts: [HOST, "ablink.news.brand.co.uk"], region: "eu" });
    expect(p.origin).toBe("eu.sendgrid.net");
    for (const hp of p.hosts) {
      const v = values(hp);
      expect([v.hostAddress, v.certificateHostname, v.sniHostname]).toEqual(["eu.sendgrid.net", "eu.sendgrid.net", "eu.sendgrid.net"]);
      for (const f of fieldsOf(hp)) expect(f.value).not.toMatch(/(^|[^.\w])sendgrid\.net/);
      for (const r of recordsOf(hp)) expect(r.value).not.toMatch(/(^|[^.\w])sendgrid\.net/);
    }
  });

  it("says why there is one service per hostname", () => {
    const create = plan({ hosts: [HOST], region: "global" }).hosts[0]!.steps[0]!;
    expect(create.intro).toBe(
      "One service per link-branding hostname: each host's configuration is activated and rolled back on its own, so a change to one host never affects the others.",
    );
  });
});
