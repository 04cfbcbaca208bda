import { describe, expect, it } from "vitest";
import { PROVIDER_INFO } from "@/lib/providers/info";
import { certificateGapNote } from "./certificate-gap";
import { CHECK_IDS, CHECK_TITLES, type CheckResult, type HostReport, type HstsReport, type VerifyReport } from "./types";

const pass = (id: (typeof CHECK_IDS)[number]): CheckResult => ({ id, title: CHECK_TITLES[id], status: "pass", seen: [], elapsedMs: 1 });
const certFail = (id: (typeof CHECK_IDS)[number]): CheckResult => ({
  id,
  title: CHECK_TITLES[id],
  status: "fail",
  diagnosis: "cert-name-mismatch",
  cause: "c",
  fix: "f",
  fixTopic: "certificate",
  seen: [],
  elapsedMs: 1,
});
const noCertificate = [pass("hsts"), certFail("cdn-before-switch"), pass("dns"), certFail("tls"), pass("http"), certFail("https")];

const host = (name: string, checks: CheckResult[], phase: HostReport["phase"] = "before", ready = false): HostReport => ({
  host: name,
  target: "zone-1c6b.kxcdn.com",
  phase,
  link: null,
  checks,
  readyToSwitch: ready,
  readiness: "",
});

const hsts = (domain: string, coversLinkHosts: HstsReport["coversLinkHosts"]): HstsReport => ({
  domain,
  header: { state: "present", raw: null, maxAge: null, includeSubDomains: true, preload: false, note: null },
  preload: { status: "not-preloaded", via: null, source: "status-api", note: null },
  coversLinkHosts,
  blastRadius: "",
});

const report = (hosts: HostReport[], hstsReports: HstsReport[]): VerifyReport => ({
  version: 1,
  cdn: "keycdn",
  region: "global",
  checkedAt: "2026-03-04T05:06:07.890Z",
  elapsedMs: 10,
  hosts,
  hsts: hstsReports,
  readyToSwitch: hosts.every((h) => h.readyToSwitch),
  pending: false,
});

const KEYCDN = PROVIDER_INFO.keycdn.certificateAfterSwitch;

describe("the DNS gate's note for a certificate that only comes after the switch", () => {
  it("is asked of the provider module: KeyCDN declares it, the other CDNs do not", () => {
    expect(KEYCDN?.setting).toBe("SSL: Let's Encrypt");
    expect(["cloudfront", "cloudflare", "fastly"].map((id) => PROVIDER_INFO[id as "cloudfront"].certificateAfterSwitch)).toEqual([undefined, undefined, undefined]);
  });

  it("says per host what the gap costs: every click under HSTS, https:// links only without it", () => {
    const r = report(
      [
        host("ablink.news.hsts.com", noCertificate),
        host("ablink.plain.com", noCertificate),
        host("ablink.unknown.org", [pass("hsts"), pass("cdn-before-switch"), pass("dns"), { ...certFail("tls"), status: "skipped", reason: "r" } as CheckResult, pass("http"), pass("https")]),
        host("ablink.switched.hsts.com", noCertificate, "after"),
        host("ablink.ready.plain.com", CHECK_IDS.map(pass), "before", true),
        host("ablink.origin.plain.com", [pass("hsts"), pass("cdn-before-switch"), pass("dns"), pass("tls"), certFail("http"), pass("https")]),
      ],
      [hsts("hsts.com", "yes"), hsts("plain.com", "no")],
    );
    expect(certificateGapNote(KEYCDN, "KeyCDN", r)).toEqual({
      title: "SSL: Let's Encrypt: the certificate can only come after the switch",
      why: "KeyCDN can obtain the certificate for a link host only once its CNAME points at KeyCDN, because the certificate authority checks the host through KeyCDN. So the certificate check cannot pass before the switch and this lock stays on; switching anyway opens a gap until the certificate is issued:",
      hosts: [
        {
          host: "ablink.news.hsts.com",
          words:
            "its domain enforces HTTPS (HSTS): until the certificate is issued every click on it fails with a certificate error that browsers do not let people click through, http:// links included.",
        },
        { host: "ablink.plain.com", words: "its domain does not enforce HTTPS: until the certificate is issued, http:// links keep working through KeyCDN and https:// links fail." },
        {
          host: "ablink.unknown.org",
          words: "whether its domain enforces HTTPS is not known: if it does, every click on it fails until the certificate is issued (no click-through); if not, only https:// links do.",
        },
        {
          host: "ablink.switched.hsts.com",
          words:
            "it points at KeyCDN already, and its domain enforces HTTPS (HSTS): until the certificate is issued every click on it fails with a certificate error that browsers do not let people click through, http:// links included.",
        },
      ],
      howLong: "How long the gap lasts: KeyCDN publishes no issuance time; allow up to an hour.",
      noGap: `To avoid the gap: ${KEYCDN!.beforeSwitch}`,
    });
    expect(KEYCDN!.beforeSwitch).toContain("choose SSL: Custom SSL on the zone");
  });

  it("is absent when the provider has no such gap, before any result, or once every certificate checks out", () => {
    const r = report([host("ablink.news.hsts.com", noCertificate)], [hsts("hsts.com", "yes")]);
    expect(certificateGapNote(undefined, "Fastly", r)).toBeNull();
    expect(certificateGapNote(KEYCDN, "KeyCDN", undefined)).toBeNull();
    expect(certificateGapNote(KEYCDN, "KeyCDN", report([host("ablink.ready.hsts.com", CHECK_IDS.map(pass), "before", true)], []))).toBeNull();
  });
});
