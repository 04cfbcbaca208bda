import type { DnsHostFacts } from "@/lib/dns-hosts/types";
import { cloudflareFacts } from "@/lib/providers/cloudflare/facts";
import { cloudflareDnsInfo } from "./info";
import { casSteps, switchedRecord, switchNotes, validationRecord } from "./plan";

/** Cloudflare DNS as the wizard knows it without credentials: client-safe. */
export const cloudflareDnsFacts = {
  info: cloudflareDnsInfo,
  // <name>.ns.cloudflare.com: docs/dns-hosts/cloudflare.md#name-servers (vanity name servers are not recognised)
  nameServers: /^[a-z0-9-]+\.ns\.cloudflare\.com$/,
  // One API and one setting for the CDN and the DNS host (docs/contract.md#dns-switch-at-the-dns-host).
  endpoint: cloudflareFacts.endpoints[0],
  switchedRecord,
  switchNotes,
  validationRecord,
  casSteps,
} as const satisfies DnsHostFacts;
