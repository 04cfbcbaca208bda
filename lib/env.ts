import "server-only";
import * as z from "zod";
import { ENDPOINT_SPECS, type EndpointEnvVar, type Endpoints } from "@/lib/providers/endpoints";

/**
 * Environment settings, parsed once. Provider base URLs default to the real APIs (docs/contract.md#provider-api-base-urls);
 * the VERIFY_* settings and SANDBOX_CONTROLS are test-only and make the app warn when first used (the first
 * verification, the first sandbox fake started); REDIS_URL chooses where shared state is kept (lib/store);
 * SANDBOX_SECRET is the key sandbox credentials are derived under, shared by every instance (lib/sandbox);
 * TRUST_PROXY says how many proxies' X-Forwarded-For entries to believe (lib/verify/rate-limit.ts).
 */
/** An http(s) base URL setting (shared with lib/dns-hosts/endpoints.ts). */
export const url = z.url({ protocol: /^https?$/ });

const REDIS_URL_FORM = "redis://[:password@]host[:port][/db] or rediss:// for TLS";

/** What is wrong with a REDIS_URL, in words that never repeat it (it may hold a password). */
function redisUrlProblem(value: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    parsed = new URL("invalid:");
  }
  if (!/^rediss?:$/.test(parsed.protocol)) return `must be a redis:// or rediss:// URL (${REDIS_URL_FORM})`;
  if (parsed.hostname === "") return `names no host (${REDIS_URL_FORM})`;
  // ioredis would read settings (a password among them) from a query string: one place for each, the URL's own.
  if (/[?#]/.test(value)) return `must not have a query string (?…) or fragment (#…); put a password before the host as :password@ (${REDIS_URL_FORM})`;
  if (!/^(\/\d*)?$/.test(parsed.pathname)) return `the path must be a database number such as /0 (${REDIS_URL_FORM})`;
  return undefined;
}

/** Unset or empty: shared state stays in this process's memory (lib/store). */
const redisUrl = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = redisUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
);

/** The sandbox's HMAC key (lib/sandbox/visitor-accounts.ts): at least 256 bits' worth of characters. */
export const SANDBOX_SECRET_MIN_LENGTH = 32;

/** Unset or empty: each process draws its own key at start. */
const sandboxSecret = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .min(SANDBOX_SECRET_MIN_LENGTH, `must be at least ${SANDBOX_SECRET_MIN_LENGTH} characters, the same on every instance (e.g. the output of \`openssl rand -base64 32\`)`)
    .optional(),
);

/** More than this many proxies in a row is a mistake, not a deployment. */
export const MAX_TRUSTED_PROXIES = 10;

const TRUST_PROXY_FORM = `must be the number of proxies in front of the app that append to X-Forwarded-For, 0 to ${MAX_TRUSTED_PROXIES}`;

/** Unset or empty: 0, no proxy is trusted (clientKey in lib/verify/rate-limit.ts). */
const trustProxy = z.preprocess(
  (value) => (value === "" || value === undefined ? "0" : value),
  z
    .string()
    .regex(/^\d{1,2}$/, TRUST_PROXY_FORM)
    .transform(Number)
    .refine((n) => n <= MAX_TRUSTED_PROXIES, TRUST_PROXY_FORM),
);

/** Each CDN module's API base URLs (lib/providers/endpoints.ts): the real API unless the variable overrides it. */
const endpointVariables = {} as Record<EndpointEnvVar, z.ZodOptional<typeof url> | z.ZodDefault<typeof url>>;
for (const spec of ENDPOINT_SPECS) endpointVariables[spec.env] = spec.default === undefined ? url.optional() : url.default(spec.default);

const schema = z.object({
  ...endpointVariables,
  HSTS_PRELOAD_API_BASE_URL: url.default("https://hstspreload.org/api/v2"),
  VERIFY_DNS_SERVERS: z.string().optional(),
  VERIFY_ALLOW_LOOPBACK: z.enum(["0", "1"]).optional(),
  VERIFY_HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  VERIFY_HTTPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** "1": the in-app sandbox's fakes serve their /__sandbox/ controls (lib/sandbox/http-fake.ts). */
  SANDBOX_CONTROLS: z.enum(["0", "1"]).optional(),
  REDIS_URL: redisUrl,
  SANDBOX_SECRET: sandboxSecret,
  TRUST_PROXY: trustProxy,
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/** The settings in `source`; throws one message naming every bad variable (never its value: REDIS_URL may hold a password, SANDBOX_SECRET is one). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment settings: ${problems}`);
  }
  return parsed.data;
}

export type { Endpoints };

/** Base URLs the provider clients use: real APIs unless overridden. */
export function endpointsFromEnv(): Endpoints {
  const e = env();
  return Object.fromEntries(ENDPOINT_SPECS.map((s) => [s.key, e[s.env]])) as Endpoints;
}
