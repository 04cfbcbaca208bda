import type { DnsHostFacts } from "@/lib/dns-hosts/types";
import { route53Info } from "./info";
import { casSteps, switchedRecord, validationRecord } from "./plan";

/** Route 53 as the wizard knows it without credentials: client-safe. */
export const route53Facts = {
  info: route53Info,
  // ns-NNNN.awsdns-NN.{com,net,org,co.uk}: docs/dns-hosts/route53.md#name-servers
  nameServers: /^ns-\d{1,4}\.awsdns-\d{2}\.(com|net|org|co\.uk)$/,
  endpoint: { env: "ROUTE53_ENDPOINT" },
  switchedRecord,
  validationRecord,
  casSteps,
} as const satisfies DnsHostFacts;
