import { describe, expect, it } from "vitest";
import { fieldsOf, recordsOf, type HostPlan } from "@/lib/domain/plan";
import { PROVIDERS } from "@/lib/providers";
import { gapWarning, plan, resolveTarget } from "./plan";
import { parseZoneUrl, zoneName } from "./settings";

const HOST = "ablink.subdomain.customer.com";
const ZONE = "ablinksubdoma1v2bfhz";

function values(hp: HostPlan): Record<string, [string, string, string | undefined]> {
  return Object.fromEntries(fieldsOf(hp).map((f) => [f.id, [f.value, f.entry, f.api]]));
}

describe("KeyCDN zone names", () => {
  it("are lower-case letters and digits, at most 20, stable, and distinct for look-alike hosts", () => {
    expect(zoneName(HOST)).toBe(ZONE);
    expect(zoneName("ablink.x.com")).toBe("ablinkxcom0s2p4n3");
    expect(zoneName("ab-link.x.com")).toBe("ablinkxcom1symotk");
    expect(zoneName("ablink.news.brand.co.uk")).toBe("ablinknewsbra0k20y0m");
    for (const h of [HOST, "a.b.io", "ablink.a-very-long-subdomain-name.example.com"]) expect(zoneName(h)).toMatch(/^[a-z0-9]{1,20}$/);
  });

  it("zone URLs are validated by shape", () => {
    expect(parseZoneUrl("Sendgrid-1c6b.kxcdn.com.")).toEqual({ zone: "sendgrid", userHex: "1c6b" });
    for (const bad of ["sendgrid.kxcdn.com", "sendgrid-xyz.kxcdn.com", "sendgrid-1c6b.kxcdn.net", "https://sendgrid-1c6b.kxcdn.com"]) expect(parseZoneUrl(bad)).toBeNull();
  });
});

describe("KeyCDN plan", () => {
  it("is registered and available", () => {
    expect(PROVIDERS.keycdn?.info.available).toBe(true);
    expect(PROVIDERS.keycdn?.plan).toBe(plan);
  });

  it("pins every value for the global region", () => {
    const p = plan({ hosts: [HOST], region: "global" });
    expect(p).toMatchObject({ version: 1, cdn: "keycdn", cdnName: "KeyCDN", region: "global", origin: "sendgrid.net" });
    const hp = p.hosts[0]!;
    expect(hp.steps.map((s) => s.id)).toEqual(["create", "zone-url", "own-certificate", "dns", "alias", "certificate", "test", "next"]);
    expect(values(hp)).toEqual({
      zoneName: [ZONE, "type", "name"],
      zoneStatus: ["Active", "choose", "status=active"],
      zoneType: ["Pull", "choose", "type=pull"],
      originUrl: ["https://sendgrid.net", "type", "originurl=https://sendgrid.net"],
      expire: ["0", "type", "expire=0"],
      blockBadBots: ["Disabled", "uncheck", "blockbadbots=disabled"],
      ssl: ["Let's Encrypt", "choose", "sslcert=letsencrypt"],
      forceSsl: ["Disabled", "uncheck", "forcessl=disabled"],
      http2: ["Enabled", "check", "http2=enabled"],
      maxExpire: ["1", "type", "cachemaxexpire=1"],
      ignoreCacheControl: ["Disabled", "uncheck", "cacheignorecachecontrol=disabled"],
      ignoreQueryString: ["Disabled", "uncheck", "cacheignorequerystring=disabled"],
      forwardHostHeader: ["Enabled", "check", "cachehostheader=enabled"],
      cacheCookies: ["Disabled", "uncheck", "cachecookies=disabled"],
      aliasName: [HOST, "type", "zonealiases name"],
      aliasZone: [ZONE, "choose", "zonealiases zone_id (the zone's id)"],
    });
    expect(fieldsOf(hp).find((f) => f.id === "ignoreQueryString")!.note).toBe(
      "Otherwise one recipient's redirect may be served to another: a link's token can be in the query string.",
    );
    expect(hp.steps[0]!.intro).toContain("Order: zone → CNAME at your DNS host → Zonealias → Let's Encrypt certificate → HTTPS test.");
  });

  it("says what the Let's Encrypt gap costs an HSTS domain, and offers the own-certificate path before the DNS change", () => {
    const hp = plan({ hosts: [HOST], region: "global" }).hosts[0]!;
    const step = (id: string) => hp.steps.find((s) => s.id === id)!;
    expect(gapWarning(HOST)).toBe(
      `With SSL: Let's Encrypt, KeyCDN can obtain the certificate for ${HOST} only once its CNAME points at KeyCDN, because the certificate authority checks the host through KeyCDN. ` +
        "Until it is issued, https:// links fail, and if your domain enforces HTTPS (HSTS) every link does, http:// ones included, with no click-through. " +
        "How long the gap lasts: KeyCDN publishes no issuance time; allow up to an hour. " +
        `If your domain enforces HTTPS (the Test step's HSTS check says whether it does), do step "Your own certificate" first.`,
    );
    expect(step("dns").warnings).toContain(gapWarning(HOST));
    const own = step("own-certificate");
    expect(own.title).toBe("Your own certificate (no gap; needed when your domain enforces HTTPS)");
    expect(own.intro).toContain("With your own certificate: zone with Custom SSL → Zonealias → HTTPS test → CNAME at your DNS host.");
    expect(own.actions).toEqual([
      `Get a certificate that names ${HOST} exactly from any certificate authority; validate it with a DNS record, which works while ${HOST} still points at SendGrid.`,
      "In the zone's advanced features choose SSL: Custom SSL. Paste the certificate followed by its intermediates into Custom SSL Certificate and its private key into Custom SSL Private Key (API: sslcert=custom, customsslcert, customsslkey). Save.",
      `Add ${HOST} as a Zonealias now, then run the Test step against the Zone URL: change DNS only once it passes.`,
      "Renew this certificate yourself and paste the new one before the old one expires.",
    ]);
    // Before the DNS step, so the Configure step shows it first.
    expect(hp.steps.findIndex((s) => s.id === "own-certificate")).toBeLessThan(hp.steps.findIndex((s) => s.id === "dns"));
    // The test comes after the DNS change on the Let's Encrypt path, so it does not claim to come before it.
    expect([step("test").title, step("test").intro.split(";")[0]]).toEqual(["Test the KeyCDN setup", "With your own certificate, run this before the DNS change"]);
    expect(step("alias").actions[0]).toBe(`With Let's Encrypt: wait until ${HOST} resolves to the Zone URL (dig +short CNAME ${HOST}). With your own certificate: add it now, before the DNS change.`);
  });

  it("shows where to copy the CNAME target when it is unknown", () => {
    const hp = plan({ hosts: [HOST], region: "global" }).hosts[0]!;
    expect(recordsOf(hp)).toEqual([
      {
        type: "CNAME",
        name: HOST,
        relativeName: "ablink.subdomain",
        zone: "customer.com",
        value: `${ZONE}-<your user id in hex>.kxcdn.com (the Zone URL on the dashboard's Zones page)`,
        valueKnown: false,
        proxied: undefined,
        ttl: "Auto",
        purpose: "Sends clicks to KeyCDN, which forwards them to SendGrid over HTTPS.",
        phase: "switch",
      },
    ]);
    expect(hp.warnings).toEqual([]);
  });

  it("uses a known zone URL, derives the others from its user id, and flags a malformed one", () => {
    const other = "ablink.news.customer.com";
    const input = { hosts: [HOST, other, "ablink.x.com"], region: "global" as const, targets: [`${ZONE}-1c6b.kxcdn.com`, undefined, "not-a-zone-url.example.com"] };
    const p = plan(input);
    expect(recordsOf(p.hosts[0]!)[0]).toMatchObject({ value: `${ZONE}-1c6b.kxcdn.com`, valueKnown: true });
    expect(recordsOf(p.hosts[1]!)[0]).toMatchObject({ value: `${zoneName(other)}-1c6b.kxcdn.com`, valueKnown: true });
    expect(recordsOf(p.hosts[2]!)[0]!.valueKnown).toBe(false);
    expect(p.hosts[2]!.warnings).toEqual([
      'The target given for ablink.x.com ("not-a-zone-url.example.com") is not a KeyCDN Zone URL (<zone name>-<hex user id>.kxcdn.com); copy it again from the Zones page.',
    ]);
    expect(resolveTarget({ hosts: [HOST], region: "global", targets: ["othername-1c6b.kxcdn.com"] }, HOST)).toEqual({
      target: "othername-1c6b.kxcdn.com",
      warning: `The target given for ${HOST} belongs to zone "othername"; this plan names the zone "${ZONE}". Check that the alias is on that zone.`,
    });
  });

  it("EU: the origin is https://eu.sendgrid.net, never plain sendgrid.net", () => {
    const p = plan({ hosts: [HOST, "ablink.news.brand.co.uk"], region: "eu", targets: [`${ZONE}-1c6b.kxcdn.com`] });
    expect(p.origin).toBe("eu.sendgrid.net");
    for (const hp of p.hosts) {
      expect(values(hp).originUrl).toEqual(["https://eu.sendgrid.net", "type", "originurl=https://eu.sendgrid.net"]);
      for (const f of fieldsOf(hp)) expect(`${f.value} ${f.api ?? ""}`).not.toMatch(/(^|[^.\w])sendgrid\.net/);
      for (const r of recordsOf(hp)) expect(r.value).not.toMatch(/sendgrid\.net/);
    }
  });
});
