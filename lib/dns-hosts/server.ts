import "server-only";
import { cloudflareDnsServer } from "./cloudflare/server";
import type { DnsHostId } from "./registry";
import { route53Server } from "./route53/server";
import type { DnsHostServer } from "./server-types";

/** Each DNS host's adapter (server-only, apart from the client-safe registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each host has its own credential type; callers validate with its schema first
export const DNS_HOST_SERVERS: Record<DnsHostId, DnsHostServer<any>> = {
  route53: route53Server,
  cloudflare: cloudflareDnsServer,
};
