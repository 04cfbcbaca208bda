import "server-only";
import * as z from "zod";
import { url } from "@/lib/env";
import { DNS_HOST_FACTS, DNS_HOST_IDS, type DnsHostId } from "./registry";

/**
 * Each DNS host's API base URL (lib/dns-hosts/<id>/facts.ts `endpoint`; docs/contract.md#provider-api-base-urls): the
 * real API unless the variable overrides it; a host sharing a CDN's API shares its variable. Read here, not in
 * lib/env.ts, so the settings reader depends on no DNS host (the DNS hosts use the verifier, which reads settings).
 */
type DnsEndpointEnvVar = (typeof DNS_HOST_FACTS)[DnsHostId]["endpoint"]["env"];

const variables = {} as Record<DnsEndpointEnvVar, z.ZodOptional<typeof url> | z.ZodDefault<typeof url>>;
for (const id of DNS_HOST_IDS) {
  const spec: { env: DnsEndpointEnvVar; default?: string } = DNS_HOST_FACTS[id].endpoint;
  variables[spec.env] = spec.default === undefined ? url.optional() : url.default(spec.default);
}
const schema = z.object(variables);

/** The DNS hosts' settings in `source`; throws one message naming every bad variable (as lib/env.ts does). */
export function parseDnsEndpoints(source: Record<string, string | undefined>): z.infer<typeof schema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** A DNS host's API base URL: the real API (the SDK's default when undefined) unless overridden. */
export function dnsEndpointFromEnv(id: DnsHostId): string | undefined {
  return parseDnsEndpoints(process.env)[DNS_HOST_FACTS[id].endpoint.env];
}
