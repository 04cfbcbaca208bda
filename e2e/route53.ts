import { ChangeResourceRecordSetsCommand, GetChangeCommand, ListHostedZonesByNameCommand, ListResourceRecordSetsCommand, Route53Client } from "@aws-sdk/client-route-53";
import { E2E_AWS } from "./accounts";
import { DNS_ZONE, LINK_TTL } from "./dns-scenarios";
import { fakeUrl } from "./helpers";
import { FAKE_PORTS } from "./ports";

/** The e2e Route 53 account, through the official SDK, for checking and arranging what the DNS switch meets. */
const route53 = new Route53Client({ endpoint: fakeUrl(FAKE_PORTS.route53), region: "us-east-1", credentials: E2E_AWS, maxAttempts: 1 });

async function zoneId(): Promise<string> {
  const out = await route53.send(new ListHostedZonesByNameCommand({ DNSName: DNS_ZONE }));
  return out.HostedZones!.find((z) => z.Name === `${DNS_ZONE}.`)!.Id!;
}

/** The record set at `name` as the fake holds it: [type, TTL, values]. */
export async function recordOf(name: string): Promise<[string | undefined, number | undefined, string[]]> {
  const out = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: await zoneId(), StartRecordName: name, MaxItems: 1 }));
  const r = out.ResourceRecordSets?.[0];
  return r?.Name === `${name}.` ? [r.Type, r.TTL, (r.ResourceRecords ?? []).map((v) => v.Value!)] : [undefined, undefined, []];
}

/** Someone else's change at Route 53 (as in the console), then in sync, so the loopback DNS answers it too. */
export async function setRecord(name: string, value: string, ttl = LINK_TTL) {
  const out = await route53.send(
    new ChangeResourceRecordSetsCommand({ HostedZoneId: await zoneId(), ChangeBatch: { Changes: [{ Action: "UPSERT", ResourceRecordSet: { Name: name, Type: "CNAME", TTL: ttl, ResourceRecords: [{ Value: value }] } }] } }),
  );
  for (let i = 0; i < 2; i++) await route53.send(new GetChangeCommand({ Id: out.ChangeInfo!.Id }));
}
