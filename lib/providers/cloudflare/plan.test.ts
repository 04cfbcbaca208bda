import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/providers";
import { fieldsOf, recordsOf, type HostPlan, type Plan, type PlanInput } from "@/lib/domain/plan";

// The /api/plan?cdn=cloudflare&host=ablink.x.level-ex.com&host=ablink.mail.brand.co.uk equivalent.
const HOSTS = ["ablink.x.level-ex.com", "ablink.mail.brand.co.uk"];

function planFor(input: Partial<PlanInput> = {}): Plan {
  const provider = PROVIDERS.cloudflare;
  if (!provider) throw new Error("cloudflare is not registered");
  return provider.plan({ hosts: HOSTS, region: "global", ...input });
}

function step(host: HostPlan, id: string) {
  const s = host.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

function value(host: HostPlan, id: string): string | undefined {
  return fieldsOf(host).find((f) => f.id === id)?.value;
}

describe("Cloudflare plan", () => {
  it("is registered and available", () => {
    expect(PROVIDERS.cloudflare?.info.available).toBe(true);
    expect(PROVIDERS.cloudflare?.info.credentialFields.map((f) => f.label)).toEqual(["Cloudflare API token"]);
    expect(PROVIDERS.cloudflare?.info.permissions).toEqual([
      "Zone › Zone Read",
      "Zone › DNS Edit",
      "Zone › Config Rules Edit",
      "Zone › SSL and Certificates Edit",
    ]);
  });

  it("splits each host into zone and Name, and orders the steps", () => {
    const p = planFor();
    expect(p).toMatchObject({ version: 1, cdn: "cloudflare", cdnName: "Cloudflare", region: "global", origin: "sendgrid.net" });
    expect(p.hosts.map((h) => [h.host, h.zone, h.relativeName])).toEqual([
      ["ablink.x.level-ex.com", "level-ex.com", "ablink.x"],
      ["ablink.mail.brand.co.uk", "brand.co.uk", "ablink.mail"],
    ]);
    for (const h of p.hosts) {
      expect(h.steps.map((s) => s.id)).toEqual(["certificate", "records", "encryption", "test", "dns", "next"]);
      expect(h.warnings).toEqual([]);
    }
  });

  it("pins the DNS records: DNS only first, then the link host proxied; TTL Auto; target sendgrid.net", () => {
    const [x, mail] = planFor().hosts as [HostPlan, HostPlan];
    expect(recordsOf(x)).toEqual([
      {
        type: "CNAME",
        name: "ablink.x.level-ex.com",
        relativeName: "ablink.x",
        zone: "level-ex.com",
        value: "sendgrid.net",
        valueKnown: true,
        proxied: false,
        ttl: "Auto",
        purpose: "The click-tracking host. DNS only until SendGrid has validated it; proxied at the switch.",
        phase: "setup",
      },
      {
        type: "CNAME",
        name: "<user_id>.x.level-ex.com",
        relativeName: "<user_id>.x",
        zone: "level-ex.com",
        value: "sendgrid.net",
        valueKnown: true,
        proxied: false,
        ttl: "Auto",
        purpose: "SendGrid's owner record (<user id>.<domain>): it stays a DNS-only CNAME to SendGrid.",
        phase: "setup",
      },
      {
        type: "CNAME",
        name: "ablink.x.level-ex.com",
        relativeName: "ablink.x",
        zone: "level-ex.com",
        value: "sendgrid.net",
        valueKnown: true,
        proxied: true,
        ttl: "Auto",
        purpose: "The click-tracking host, proxied by Cloudflare, which forwards clicks to SendGrid over HTTPS.",
        phase: "switch",
      },
    ]);
    expect(step(mail, "dns").records).toEqual([
      expect.objectContaining({ name: "ablink.mail.brand.co.uk", relativeName: "ablink.mail", zone: "brand.co.uk", value: "sendgrid.net", proxied: true, ttl: "Auto" }),
    ]);
    expect([value(x, "link.recordName"), value(x, "link.recordTarget"), value(x, "link.recordProxy"), value(x, "link.recordTtl")]).toEqual([
      "ablink.x",
      "sendgrid.net",
      "DNS only",
      "Auto",
    ]);
    expect(value(mail, "link.recordName")).toBe("ablink.mail");
    expect(step(x, "dns").warnings).toEqual([
      "Do not re-validate link branding in SendGrid after this change: the validation fails once the link host points at the CDN, and the branding stops working. Validate first, switch after.",
    ]);
  });

  it("says which second record is still needed when only hostnames are given", () => {
    const [x] = planFor().hosts as [HostPlan];
    expect(step(x, "records").warnings).toEqual([
      "Your link-branding chart has a second record for this subdomain that is still needed: <user_id>.x.level-ex.com CNAME sendgrid.net, DNS only. Replace <user_id> with the number in your chart.",
    ]);
  });

  it("uses the owner record from a pasted chart", () => {
    const [x, mail] = planFor({ ownerRecords: ["1234567.x.level-ex.com"] }).hosts as [HostPlan, HostPlan];
    expect(step(x, "records").warnings).toBeUndefined();
    expect(step(x, "records").records?.[1]).toMatchObject({ name: "1234567.x.level-ex.com", relativeName: "1234567.x", proxied: false });
    expect(value(x, "owner.recordName")).toBe("1234567.x");
    expect(step(mail, "records").warnings).toHaveLength(1);
  });

  it("pins the certificate plan: an Advanced certificate naming the apex and each exact host", () => {
    const [x, mail] = planFor().hosts as [HostPlan, HostPlan];
    expect(step(x, "certificate").title).toBe("Order an Advanced certificate naming ablink.x.level-ex.com");
    expect(step(x, "certificate").groups?.[0]?.fields.map((f) => [f.label, f.value, f.api])).toEqual([
      ["Certificate Authority", "Let's Encrypt", 'certificate_authority: "lets_encrypt"'],
      ["Certificate Hostnames", "level-ex.com, ablink.x.level-ex.com", 'hosts: ["level-ex.com", "ablink.x.level-ex.com"], type: "advanced"'],
      ["Validation method", "TXT Validation", 'validation_method: "txt"'],
      ["Certificate Validity Period", "90 days", "validity_days: 90"],
    ]);
    expect(value(mail, "certHostnames")).toBe("brand.co.uk, ablink.mail.brand.co.uk");
    expect(fieldsOf(x).find((f) => f.id === "certHostnames")?.seedLabel).toBe("Dedicated SSL with Custom Hostnames");
    const intro = step(x, "certificate").intro;
    expect(intro).toContain("Universal SSL covers level-ex.com and one level below it (*.level-ex.com) only, so ablink.x.level-ex.com is NOT covered");
    expect(intro).toContain(`The seed's "Dedicated SSL with Custom Hostnames" is today's Advanced certificate`);
    expect(step(x, "certificate").actions.join("\n")).toContain("Total TLS");
    expect(step(x, "certificate").actions.join("\n")).toContain("Upload Custom SSL Certificate");
  });

  it("pins SSL Full through a Configuration Rule scoped to the host, with the Page Rules path as the older equivalent", () => {
    const [x] = planFor().hosts as [HostPlan];
    expect(value(x, "ruleExpression")).toBe('(http.host in {"ablink.x.level-ex.com"})');
    expect(value(x, "ruleSsl")).toBe("Full");
    expect(value(x, "ruleName")).toBe("SSL click tracking: SSL Full for ablink.x.level-ex.com");
    expect(fieldsOf(x).find((f) => f.id === "ruleSsl")?.api).toBe('action: "set_config", action_parameters: { ssl: "full" }');
    expect(step(x, "encryption").actions[2]).toBe(
      "Older equivalent, for reference: Rules › Page Rules › Create Page Rule, URL ablink.x.level-ex.com/*, Pick a Setting SSL: Full, Save and Deploy Page Rule (the seed's \"Page Rules turned ON\" step). Page Rules are deprecated: do not create new ones. A Configuration Rule takes precedence over an existing Page Rule for the same host.",
    );
  });

  it("is honest about testing: no CDN address before the switch", () => {
    const [x] = planFor().hosts as [HostPlan];
    const test = step(x, "test");
    expect(test.actions.join("\n")).not.toContain("<CDN address>");
    expect(test.actions.join("\n")).not.toContain("--connect-to");
    expect(test.intro).toContain("there is no separate Cloudflare address to test before the switch");
    expect(step(x, "dns").actions[2]).toBe(
      "HTTPS: curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n' 'https://ablink.x.level-ex.com/ls/click?upn=u001.EXAMPLE' — expect a redirect (3xx) to the link's destination, with no certificate error.",
    );
  });

  it("uses eu.sendgrid.net everywhere for the EU region", () => {
    const p = planFor({ region: "eu" });
    expect(p.origin).toBe("eu.sendgrid.net");
    for (const h of p.hosts) {
      expect(recordsOf(h).map((r) => r.value)).toEqual(["eu.sendgrid.net", "eu.sendgrid.net", "eu.sendgrid.net"]);
      expect(value(h, "link.recordTarget")).toBe("eu.sendgrid.net");
    }
    // Every mention of SendGrid's host names the EU origin (the *.sendgrid.net certificate aside).
    const text = JSON.stringify(p).replaceAll("*.sendgrid.net", "");
    expect(text.match(/(?<!eu\.)sendgrid\.net/g)).toBeNull();
  });

  it("warns when a name already ends with the zone twice", () => {
    const p = planFor({ hosts: ["ablink.x.level-ex.com.level-ex.com"] });
    expect(p.hosts[0]?.relativeName).toBe("ablink.x.level-ex.com");
    expect(p.hosts[0]?.warnings).toEqual([
      "ablink.x.level-ex.com.level-ex.com ends with level-ex.com twice. This is what a DNS host makes of the full name typed into its Name field; the link-branding host is probably ablink.x.level-ex.com. Check the hostname in SendGrid.",
    ]);
  });

  it("uses a delegated sub-zone when given: Name relative to it, and Universal SSL of that zone covers one level", () => {
    const p = planFor({ zones: ["x.level-ex.com", undefined] });
    const [x, mail] = p.hosts as [HostPlan, HostPlan];
    expect([x.zone, x.relativeName]).toEqual(["x.level-ex.com", "ablink"]);
    expect(x.warnings).toEqual([
      "x.level-ex.com is its own zone (delegated from level-ex.com): add the records in the x.level-ex.com zone, where the Name is ablink.",
    ]);
    expect(recordsOf(x).map((r) => [r.zone, r.relativeName])).toEqual([
      ["x.level-ex.com", "ablink"],
      ["x.level-ex.com", "<user_id>"],
      ["x.level-ex.com", "ablink"],
    ]);
    expect(step(x, "certificate").title).toBe("Check that Universal SSL covers ablink.x.level-ex.com");
    expect(step(x, "certificate").groups).toBeUndefined();
    expect([mail.zone, mail.relativeName]).toEqual(["brand.co.uk", "ablink.mail"]);
  });

  it("field ids are unique within each host plan", () => {
    for (const h of planFor().hosts) {
      const ids = fieldsOf(h).map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
