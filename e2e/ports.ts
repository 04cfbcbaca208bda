import path from "node:path";

/** Loopback ports of the end-to-end run: the app under test and each provider's fake. */
// Overridable so that two runs on one machine (two worktrees) do not collide.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3210);
const FAKE_BASE = Number(process.env.E2E_FAKE_PORT_BASE ?? 4510);
export const FAKE_PORTS = { cloudfront: FAKE_BASE, acm: FAKE_BASE + 1, cloudflare: FAKE_BASE + 2, fastly: FAKE_BASE + 3, keycdn: FAKE_BASE + 4, route53: FAKE_BASE + 5 } as const;

/**
 * The verifier's loopback internet (e2e/start-fakes.ts, lib/verify/testing/world.ts): a DNS server (UDP), one
 * HTTPS and one HTTP server answering by SNI/Host, and a fake hstspreload.org. The app under test is pointed at
 * them with the verifier's test-only settings (README, Testing), so no verification leaves 127.0.0.1.
 */
export const VERIFY_PORTS = { dns: FAKE_BASE + 10, https: FAKE_BASE + 11, http: FAKE_BASE + 12, preload: FAKE_BASE + 13 } as const;
/**
 * The scale-out spec's own servers (e2e/scale-out.spec.ts starts and stops them): one redis-server and two
 * more instances of the app sharing it through REDIS_URL.
 */
export const SCALE_OUT_PORTS = { redis: FAKE_BASE + 20, apps: [FAKE_BASE + 21, FAKE_BASE + 22] } as const;

/** Certificates generated at start-up with openssl; the app trusts the CA through NODE_EXTRA_CA_CERTS. */
export const VERIFY_PKI_DIR = path.join(__dirname, "..", ".e2e", "verify-pki");

const local = (port: number) => `http://127.0.0.1:${port}`;

export const e2eServerEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  CLOUDFRONT_ENDPOINT: local(FAKE_PORTS.cloudfront),
  ACM_ENDPOINT: local(FAKE_PORTS.acm),
  CLOUDFLARE_API_BASE_URL: `${local(FAKE_PORTS.cloudflare)}/client/v4`,
  FASTLY_API_BASE_URL: local(FAKE_PORTS.fastly),
  KEYCDN_API_BASE_URL: local(FAKE_PORTS.keycdn),
  ROUTE53_ENDPOINT: local(FAKE_PORTS.route53),
  FAKES_HEALTH_PORT: String(FAKE_PORTS.cloudfront),
  // The verifier's test-only settings (docs/contract.md#verification): DNS, ports and trust all local.
  VERIFY_DNS_SERVERS: `127.0.0.1:${VERIFY_PORTS.dns}`,
  VERIFY_ALLOW_LOOPBACK: "1",
  VERIFY_HTTP_PORT: String(VERIFY_PORTS.http),
  VERIFY_HTTPS_PORT: String(VERIFY_PORTS.https),
  NODE_EXTRA_CA_CERTS: path.join(VERIFY_PKI_DIR, "ca.crt"),
  HSTS_PRELOAD_API_BASE_URL: `${local(VERIFY_PORTS.preload)}/api/v2`,
  // Test-only: the in-app sandbox's fakes serve their /__sandbox/ controls (lib/sandbox/http-fake.ts).
  SANDBOX_CONTROLS: "1",
  // The tests stand in for one proxy in front of the app: each sets X-Forwarded-For to be its own client
  // (lib/verify/rate-limit.ts#clientKey).
  TRUST_PROXY: "1",
};
