import "server-only";
import * as z from "zod";

/**
 * Environment settings, parsed once. Provider base URLs default to the real APIs (docs/contract.md#provider-api-base-urls);
 * the VERIFY_* settings and SANDBOX_CONTROLS are test-only and make the app warn at start when set.
 */
const url = z.url({ protocol: /^https?$/ });

const schema = z.object({
  CLOUDFRONT_ENDPOINT: url.optional(),
  ACM_ENDPOINT: url.optional(),
  CLOUDFLARE_API_BASE_URL: url.default("https://api.cloudflare.com/client/v4"),
  FASTLY_API_BASE_URL: url.default("https://api.fastly.com"),
  KEYCDN_API_BASE_URL: url.default("https://api.keycdn.com"),
  HSTS_PRELOAD_API_BASE_URL: url.default("https://hstspreload.org/api/v2"),
  VERIFY_DNS_SERVERS: z.string().optional(),
  VERIFY_ALLOW_LOOPBACK: z.enum(["0", "1"]).optional(),
  VERIFY_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  VERIFY_HTTPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** "1": the in-app sandbox's fakes serve their /__sandbox/ controls (lib/sandbox/http-fake.ts). */
  SANDBOX_CONTROLS: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment settings: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Base URLs the provider clients use: real APIs unless overridden. */
export interface Endpoints {
  cloudfront?: string;
  acm?: string;
  cloudflare: string;
  fastly: string;
  keycdn: string;
}

export function endpointsFromEnv(): Endpoints {
  const e = env();
  return {
    cloudfront: e.CLOUDFRONT_ENDPOINT,
    acm: e.ACM_ENDPOINT,
    cloudflare: e.CLOUDFLARE_API_BASE_URL,
    fastly: e.FASTLY_API_BASE_URL,
    keycdn: e.KEYCDN_API_BASE_URL,
  };
}
