/** Loopback ports of the end-to-end run: the app under test and each provider's fake. */
// Overridable so that two runs on one machine (two worktrees) do not collide.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3210);
const FAKE_BASE = Number(process.env.E2E_FAKE_PORT_BASE ?? 4510);
export const FAKE_PORTS = { cloudfront: FAKE_BASE, acm: FAKE_BASE + 1, cloudflare: FAKE_BASE + 2, fastly: FAKE_BASE + 3, keycdn: FAKE_BASE + 4 } as const;

const local = (port: number) => `http://127.0.0.1:${port}`;

export const e2eServerEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  CLOUDFRONT_ENDPOINT: local(FAKE_PORTS.cloudfront),
  ACM_ENDPOINT: local(FAKE_PORTS.acm),
  CLOUDFLARE_API_BASE_URL: `${local(FAKE_PORTS.cloudflare)}/client/v4`,
  FASTLY_API_BASE_URL: local(FAKE_PORTS.fastly),
  KEYCDN_API_BASE_URL: local(FAKE_PORTS.keycdn),
  FAKES_HEALTH_PORT: String(FAKE_PORTS.cloudfront),
};
