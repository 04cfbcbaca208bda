/** Loopback ports of the end-to-end run: the app under test and each provider's fake. */
export const E2E_APP_PORT = 3210;
export const FAKE_PORTS = { cloudfront: 4510, acm: 4511, cloudflare: 4512, fastly: 4513, keycdn: 4514 } as const;

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
