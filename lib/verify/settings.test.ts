import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDnsServers, testOnlySettingsSet } from "./settings";

describe("parseDnsServers", () => {
  it("reads ip:port lists", () => {
    expect(parseDnsServers("127.0.0.1:5353, [::1]:5300,127.0.0.2")).toEqual(["127.0.0.1:5353", "[::1]:5300", "127.0.0.2:53"]);
    expect(parseDnsServers("::1")).toEqual(["[::1]:53"]);
    expect(parseDnsServers(undefined)).toEqual([]);
    expect(parseDnsServers(" ")).toEqual([]);
  });
  it("names a bad entry", () => {
    expect(() => parseDnsServers("127.0.0.1:5353,dns.example.com:53")).toThrow('VERIFY_DNS_SERVERS: "dns.example.com:53" is not an ip:port resolver address');
    expect(() => parseDnsServers("127.0.0.1:70000")).toThrow('VERIFY_DNS_SERVERS: "127.0.0.1:70000" is not an ip:port resolver address');
  });
});

describe("test-only settings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("lists the ones that are set", () => {
    expect(testOnlySettingsSet({ VERIFY_ALLOW_LOOPBACK: "0", VERIFY_HTTP_PORT: "8080", NODE_EXTRA_CA_CERTS: "" })).toEqual(["VERIFY_HTTP_PORT"]);
    expect(testOnlySettingsSet({ VERIFY_DNS_SERVERS: "127.0.0.1:53", VERIFY_ALLOW_LOOPBACK: "1" })).toEqual(["VERIFY_DNS_SERVERS", "VERIFY_ALLOW_LOOPBACK"]);
  });

  it("warns once, on first use, naming them", async () => {
    process.env.VERIFY_ALLOW_LOOPBACK = "1";
    process.env.VERIFY_HTTPS_PORT = "8443";
    delete process.env.VERIFY_DNS_SERVERS;
    delete process.env.VERIFY_HTTP_PORT;
    delete process.env.NODE_EXTRA_CA_CERTS;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { settingsFromEnv } = await import("./settings");
    const s = settingsFromEnv();
    settingsFromEnv();
    expect(warn.mock.calls).toEqual([["[verify] test-only settings are set (VERIFY_ALLOW_LOOPBACK, VERIFY_HTTPS_PORT); never set them in production (contract.md, Verification)."]]);
    expect(s).toMatchObject({ allowLoopback: true, httpsPort: 8443, httpPort: 80, dnsServers: [], extraCa: [], hstsPreloadApiBaseUrl: "https://hstspreload.org/api/v2" });
  });

  it("stays silent in production", async () => {
    for (const name of ["VERIFY_ALLOW_LOOPBACK", "VERIFY_HTTPS_PORT", "VERIFY_HTTP_PORT", "VERIFY_DNS_SERVERS", "NODE_EXTRA_CA_CERTS"]) delete process.env[name];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { settingsFromEnv } = await import("./settings");
    expect(settingsFromEnv()).toMatchObject({ allowLoopback: false, httpPort: 80, httpsPort: 443 });
    expect(warn).not.toHaveBeenCalled();
  });
});
