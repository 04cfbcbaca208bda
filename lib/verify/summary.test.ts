import { describe, expect, it } from "vitest";
import { decodeSummary, encodeSummary } from "./summary";
import { CHECK_IDS, CHECK_TITLES, DIAGNOSIS_IDS, type CheckResult, type HostReport, type VerifyReport } from "./types";

const pass = (id: (typeof CHECK_IDS)[number]): CheckResult => ({ id, title: CHECK_TITLES[id], status: "pass", seen: [], elapsedMs: 1 });
const fail = (id: (typeof CHECK_IDS)[number], diagnosis: (typeof DIAGNOSIS_IDS)[number]): CheckResult => ({
  id,
  title: CHECK_TITLES[id],
  status: "fail",
  diagnosis,
  cause: "c",
  fix: "f",
  fixTopic: "certificate",
  seen: [],
  elapsedMs: 1,
});

const host = (name: string, checks: CheckResult[], phase: HostReport["phase"] = "before"): HostReport => ({
  host: name,
  target: "d1.cloudfront.net",
  phase,
  link: "/ls/click?upn=secret-looking-token",
  checks,
  readyToSwitch: false,
  readiness: "",
});

const report = (hosts: HostReport[]): VerifyReport => ({
  version: 1,
  cdn: "cloudfront",
  region: "global",
  checkedAt: "2026-03-04T05:06:07.890Z",
  elapsedMs: 10,
  hosts,
  hsts: [],
  readyToSwitch: false,
  pending: false,
});

describe("verification summary", () => {
  const ready = host("ablink.a.customer.com", CHECK_IDS.map(pass));
  const wildcard = host("ablink.b.customer.com", [
    pass("hsts"),
    fail("cdn-before-switch", "cert-name-mismatch"),
    pass("dns"),
    fail("tls", "cert-name-mismatch"),
    pass("http"),
    fail("https", "cert-name-mismatch"),
  ]);
  const after: HostReport = {
    ...host("ablink.c.customer.com", CHECK_IDS.map(pass), "after"),
    checks: [pass("hsts"), { id: "cdn-before-switch", title: "x", status: "skipped", reason: "r", seen: [], elapsedMs: 0 }, { id: "dns", title: "x", status: "pending", diagnosis: "dns-propagation", reason: "r", seen: [], elapsedMs: 0 }, pass("tls"), pass("http"), pass("https")],
  };

  it("encodes statuses and diagnoses only: no link, no address", () => {
    const code = encodeSummary(report([ready, wildcard, after]));
    const i = DIAGNOSIS_IDS.indexOf("cert-name-mismatch").toString(36).padStart(2, "0");
    const p = DIAGNOSIS_IDS.indexOf("dns-propagation").toString(36).padStart(2, "0");
    expect(code).toBe(`1.${Math.floor(Date.parse("2026-03-04T05:06:07Z") / 1000).toString(36)}.bpppppp.bpf${i}pf${i}pf${i}.apsw${p}ppp`);
    expect(code).not.toContain("token");
    expect(code).not.toContain("cloudfront");
  });

  it("round-trips, deriving readiness as the verifier does", () => {
    const decoded = decodeSummary(encodeSummary(report([ready, wildcard, after])), 3);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.summary.checkedAt).toBe("2026-03-04T05:06:07.000Z");
    expect(decoded.summary.hosts.map((h) => [h.phase, h.ready])).toEqual([
      ["before", true],
      ["before", false],
      ["after", true],
    ]);
    expect(decoded.summary.hosts[1]!.checks[3]).toEqual({ id: "tls", status: "fail", diagnosis: "cert-name-mismatch" });
    expect(decoded.summary.hosts[2]!.checks[2]).toEqual({ id: "dns", status: "pending", diagnosis: "dns-propagation" });
  });

  it("a failing DNS check keeps a host from ready, in either phase; a pending one does not", () => {
    const gatePassesDnsFails = host("ablink.d.customer.com", [pass("hsts"), pass("cdn-before-switch"), fail("dns", "cname-wrong-target"), pass("tls"), pass("http"), pass("https")]);
    const afterDnsFails = { ...gatePassesDnsFails, phase: "after" as const };
    const decoded = decodeSummary(encodeSummary(report([gatePassesDnsFails, afterDnsFails, after])), 3);
    expect(decoded.ok && decoded.summary.hosts.map((h) => [h.phase, h.ready])).toEqual([
      ["before", false],
      ["after", false],
      ["after", true],
    ]);
  });

  it.each([
    ["2.abc.bpppppp", "version"],
    ["1.abc.bppppp", "five checks"],
    ["1.abc.xpppppp", "unknown phase"],
    ["1.abc.bpppppz", "unknown token"],
    ["1.abc.bfzzpppp", "diagnosis index out of range"],
    ["1..bpppppp", "no time"],
    ["1.abc.bpppppp<script>", "markup"],
  ])("refuses %s (%s)", (raw) => {
    expect(decodeSummary(raw, 1)).toEqual({ ok: false, message: "The verification result in this link could not be read; run the check again in the wizard." });
  });

  it("refuses a summary for another number of hosts", () => {
    expect(decodeSummary("1.abc.bpppppp.bpppppp", 1)).toEqual({
      ok: false,
      message: "The verification result in this link is for 2 hostnames, the plan has 1; run the check again in the wizard.",
    });
  });
});
