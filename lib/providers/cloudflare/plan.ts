import { resolveEsp } from "@/lib/esps/choice";
import { cnameRecord, dnsStep, nextStep, testStep, planOf } from "@/lib/plan/common";
import { EXAMPLE_TRACKED_PATH } from "@/lib/sendgrid";
import { EVERY_METHOD, type HostGuarantees } from "@/lib/plan/invariants";
import type { ConsoleControl, DnsRecord, HostPlan, Plan, PlanField, PlanInput, PlanStep, SettingGroup } from "@/lib/plan/types";
import { CONSOLE, LABELS, OPTION } from "./labels";
import { CERTIFICATE, SSL_MODE, hostExpression, ruleDescription } from "./settings";
import { coveredByUniversal, nameInZone, repeatedZone, zoneOf, type ZoneSplit } from "./zones";
import { ownerRecordFor, ownerRecordName, parentOf } from "@/lib/hostnames";
import { cloudflareInfo } from "./info";

/**
 * The Cloudflare plan for one link host (the seed's Cloudflare section; facts: docs/providers/cloudflare.md).
 * Order of work: records DNS-only → validate link branding in SendGrid → certificate Active for the
 * exact host → SSL Full for the host → proxy the link host only → ask for SSL click tracking.
 */

type LabelKey = keyof typeof LABELS;

function field(key: LabelKey, value: string | number, rest: Omit<PlanField, "id" | "label" | "seedLabel" | "value">, idPrefix?: string): PlanField {
  const { label, seed, control } = LABELS[key] as { label: string; seed?: string; control?: ConsoleControl };
  return {
    id: idPrefix ? `${idPrefix}.${key}` : key,
    label,
    seedLabel: seed && seed !== label ? seed : undefined,
    value: String(value),
    ...rest,
    ...(control && { control }),
  };
}

const CNAME_NOTE = "Cloudflare adds the zone itself; typing the full name gives";

function record(name: string, origin: string, zone: string, opts: { proxied: boolean; purpose: string; phase: DnsRecord["phase"] }): DnsRecord {
  return { ...cnameRecord(name, origin, { ...opts, ttl: OPTION.ttlAuto }), zone, relativeName: nameInZone(name, zone) };
}

function recordGroup(id: string, rec: DnsRecord): SettingGroup {
  return {
    id,
    title: `${CONSOLE.addRecord}: ${rec.name}`,
    fields: [
      field("recordType", rec.type, { entry: "choose", api: `type: "${rec.type}"` }, id),
      field("recordName", rec.relativeName, {
        entry: "type",
        changeFromDefault: true,
        api: `name: "${rec.name}"`,
        note: `Only the part before ${rec.zone}: the full name is ${rec.name}. ${CNAME_NOTE} ${rec.name}.${rec.zone}.`,
      }, id),
      field("recordTarget", rec.value, { entry: "type", changeFromDefault: true, api: `content: "${rec.value}"` }, id),
      field("recordProxy", rec.proxied ? OPTION.proxied : OPTION.dnsOnly, {
        entry: rec.proxied ? "check" : "uncheck",
        changeFromDefault: !rec.proxied,
        api: `proxied: ${rec.proxied}`,
        note: rec.proxied ? "Orange cloud." : "Grey cloud. New CNAME records start Proxied: switch it off.",
      }, id),
      field("recordTtl", rec.ttl, { entry: "choose", api: "ttl: 1" }, id),
    ],
  };
}

function curl(url: string): string {
  return `curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n' '${url}'`;
}

function certificateStep(split: ZoneSplit): PlanStep {
  const { host, zone } = split;
  if (coveredByUniversal(split)) {
    return {
      id: "certificate",
      title: `Check that Universal SSL covers ${host}`,
      intro: `${host} is one level below ${zone}, so Cloudflare's free Universal SSL certificate (${zone}, *.${zone}) names it: there is nothing to buy.`,
      actions: [
        `In ${CONSOLE.edgeCertificates}, check that the Universal certificate is Active and lists *.${zone}.`,
        `If Universal SSL is turned off for ${zone}, order an Advanced certificate listing ${zone} and ${host} instead.`,
      ],
    };
  }
  const apex = zone;
  return {
    id: "certificate",
    title: `Order an Advanced certificate naming ${host}`,
    intro:
      `Universal SSL covers ${apex} and one level below it (*.${apex}) only, so ${host} is NOT covered: proxied without its own certificate, browsers fail with ERR_SSL_VERSION_OR_CIPHER_MISMATCH. ` +
      `Order an Advanced certificate (Advanced Certificate Manager, a paid add-on) listing the exact host. ` +
      `The seed's "Dedicated SSL with Custom Hostnames" is today's Advanced certificate, not Cloudflare for SaaS "Custom Hostnames", which is a different product.`,
    actions: [
      `In ${CONSOLE.edgeCertificates}, choose ${CONSOLE.orderAdvanced} (Cloudflare asks for billing details first if it has none).`,
      "Enter the values below and choose Save.",
      `Wait until the certificate's status is Active. With your DNS on Cloudflare, Cloudflare adds the TXT validation record itself; on a partial (CNAME) setup, create the TXT record it shows at your DNS host.`,
      `Instead of an Advanced certificate you can turn on Total TLS (${CONSOLE.totalTls}, also Advanced Certificate Manager): it issues a certificate for every proxied name Universal SSL misses.`,
      `Or upload a certificate you bought that names ${host} (${CONSOLE.customCertificate}; Business plan or higher).`,
    ],
    groups: [
      {
        id: "order",
        title: CONSOLE.orderAdvanced,
        fields: [
          field("certAuthority", OPTION.certificateAuthority[CERTIFICATE.certificateAuthority], {
            entry: "choose",
            api: `certificate_authority: "${CERTIFICATE.certificateAuthority}"`,
            note: "Any authority offered works.",
          }),
          field("certHostnames", `${apex}, ${host}`, {
            entry: "type",
            changeFromDefault: true,
            api: `hosts: ["${apex}", "${host}"], type: "${CERTIFICATE.type}"`,
            note: `The zone apex must be listed; then the exact link host. Type each name and press Enter.`,
          }),
          field("certValidation", OPTION.validationMethod[CERTIFICATE.validationMethod], {
            entry: "choose",
            api: `validation_method: "${CERTIFICATE.validationMethod}"`,
          }),
          field("certValidity", OPTION.validityDays(CERTIFICATE.validityDays), {
            entry: "choose",
            api: `validity_days: ${CERTIFICATE.validityDays}`,
            note: "Cloudflare renews it automatically.",
          }),
        ],
      },
    ],
    warnings: [`Do not turn on the proxy for ${host} before this certificate is Active.`],
  };
}

/** What the settings achieve, for the invariant checks (lib/plan/invariants.ts), derived from settings.ts. */
function guarantees(host: string, origin: string): HostGuarantees {
  return {
    // The Advanced certificate lists the apex and the exact host.
    certificateNames: [host],
    origin,
    // Full and Full (strict) reach the origin over HTTPS; Flexible would use plain HTTP.
    originProtocol: (SSL_MODE as string) === "flexible" ? "http" : "https",
    originMinTls: "1.2",
    // Full does not validate the origin certificate; strict would check it against the link host (526).
    originCertificateCheckedAgainst: (SSL_MODE as string) === "strict" ? "link-host" : "not-checked",
    // No Origin Rule rewrites Host: the proxy passes the visitor's Host through.
    hostHeader: "pass-through",
    // Cloudflare's default cache key includes the query string, and redirects without cache headers are not cached.
    queryString: "forwarded-and-keyed",
    redirectSharedForSeconds: 0,
    // The proxy passes every method.
    methods: [...EVERY_METHOD],
    viewerProtocols: ["http", "https"],
  };
}

function hostPlan(host: string, input: PlanInput): HostPlan {
  const origin = resolveEsp(input).origin;
  const split = zoneOf(host, input.zones?.[input.hosts.indexOf(host)]);
  const { zone, relativeName } = split;
  const knownOwner = ownerRecordFor(host, input.ownerRecords);
  const ownerName = knownOwner ?? ownerRecordName(host);

  const linkDnsOnly = record(host, origin, zone, {
    proxied: false,
    phase: "setup",
    purpose: "The click-tracking host. DNS only until SendGrid has validated it; proxied at the switch.",
  });
  const owner = record(ownerName, origin, zone, {
    proxied: false,
    phase: "setup",
    purpose: "SendGrid's owner record for this link branding. Stays DNS only, pointing at SendGrid.",
  });
  const linkProxied = record(host, origin, zone, {
    proxied: true,
    phase: "switch",
    purpose: "The click-tracking host, proxied by Cloudflare, which forwards clicks to SendGrid over HTTPS.",
  });

  const warnings: string[] = [];
  const meant = repeatedZone(host, zone);
  if (meant) {
    warnings.push(
      `${host} ends with ${zone} twice. This is what a DNS host makes of the full name typed into its Name field; the link-branding host is probably ${meant}. Check the hostname in SendGrid.`,
    );
  }
  if (split.zoneIgnored) warnings.push(`Zone: ${split.zoneIgnored}`);
  if (split.delegated) {
    warnings.push(`${zone} is its own zone (delegated from ${split.registrable}): add the records in the ${zone} zone, where the Name is ${relativeName}.`);
  }

  const path = EXAMPLE_TRACKED_PATH;
  const records: PlanStep = {
    id: "records",
    title: "Add the link-branding records, DNS only",
    intro: `Both records of the link-branding chart point at ${origin}. Add them DNS only first: SendGrid checks the CNAMEs, and a proxied record answers with Cloudflare's addresses instead, so validation would fail.`,
    actions: [
      `In ${CONSOLE.dnsRecords}, choose ${CONSOLE.addRecord} for each record below. If a record with that name exists, edit it instead of adding a second one.`,
      `In Name, type only the part before ${zone}: ${relativeName} (the full name is ${host}).`,
      `Set ${LABELS.recordProxy.label} to ${OPTION.dnsOnly} (grey cloud) for both records.`,
      `In SendGrid, open Settings › Sender Authentication and choose Verify for the link branding of ${parentOf(host)}; wait until both records show as verified.`,
      `The owner record stays ${OPTION.dnsOnly} for good: only the link host is ever proxied.`,
    ],
    groups: [recordGroup("link", linkDnsOnly), recordGroup("owner", owner)],
    records: [linkDnsOnly, owner],
    warnings: knownOwner
      ? undefined
      : [
          `Your link-branding chart has a second record for this subdomain that is still needed: ${ownerName} CNAME ${origin}, ${OPTION.dnsOnly}. Replace <user_id> with the number in your chart.`,
        ],
  };

  const expression = hostExpression(host);
  const encryption: PlanStep = {
    id: "encryption",
    title: `Set SSL/TLS to Full for ${host} with a Configuration Rule`,
    intro:
      "Full encrypts the connection from Cloudflare to SendGrid without checking the certificate's name: SendGrid answers with its own *.sendgrid.net certificate. A rule scoped to the link host leaves the rest of the zone as it is.",
    actions: [
      `Open ${CONSOLE.configRules}.`,
      `Enter the values below, then choose ${CONSOLE.deploy}.`,
      `Older equivalent, for reference: ${CONSOLE.pageRules}, ${CONSOLE.pageRuleUrl} ${host}/*, ${CONSOLE.pageRuleSetting} SSL: ${OPTION.ssl.full}, ${CONSOLE.pageRuleSave} (the seed's "Page Rules turned ON" step). Page Rules are deprecated: do not create new ones. A Configuration Rule takes precedence over an existing Page Rule for the same host.`,
      "Leave the zone-wide mode (SSL/TLS › Overview) as it is. If Automatic SSL/TLS raises the zone to Full (strict), this rule keeps the link host on Full.",
      "Do not add a cache rule (such as Cache Everything) for this host: each click's redirect belongs to one recipient.",
    ],
    groups: [
      {
        id: "rule",
        title: "Configuration Rule",
        fields: [
          field("ruleName", ruleDescription(host), { entry: "type", changeFromDefault: true, api: "description" }),
          field("ruleMatch", OPTION.ruleMatchCustom, { entry: "choose", changeFromDefault: true }),
          field("ruleField", OPTION.ruleFieldHostname, { entry: "choose", changeFromDefault: true }),
          field("ruleOperator", OPTION.ruleOperatorIn, { entry: "choose", changeFromDefault: true }),
          field("ruleValue", host, { entry: "type", changeFromDefault: true, note: "Lower case: host names in rules are case-sensitive." }),
          field("ruleExpression", expression, {
            entry: "type",
            api: `expression: ${JSON.stringify(expression)}`,
            note: "What the three fields above produce; or choose Edit expression and paste it.",
          }),
          field("ruleSsl", OPTION.ssl[SSL_MODE], {
            entry: "choose",
            changeFromDefault: true,
            api: `action: "set_config", action_parameters: { ssl: "${SSL_MODE}" }`,
            note: "Add the SSL setting under Then the settings are.",
          }),
        ],
      },
    ],
    warnings: [
      `Not ${OPTION.ssl.strict}: SendGrid's certificate does not name ${host}, so strict fails with error 526.`,
      `Not ${OPTION.ssl.flexible}: Cloudflare would send clicks to SendGrid over plain HTTP.`,
    ],
  };

  // Cloudflare proxies the host in place: there is no separate CDN address to try before the switch
  // (docs/contract.md#verification, `target`). So the test step keeps testStep's id and purpose but checks
  // each piece now, with the record still DNS only, and the HTTPS test runs right after the proxy goes on.
  const test: PlanStep = {
    ...testStep({ host, cdnName: "Cloudflare", cdnAddress: host, addressKnown: true, waitFor: "" }),
    title: "Check everything is ready before turning on the proxy",
    intro:
      "Cloudflare proxies the link host in place: there is no separate Cloudflare address to test before the switch. Check each piece now, while the record is still DNS only and clicks still go straight to SendGrid; the HTTPS test comes right after the proxy goes on, and switching the proxy off again undoes it.",
    actions: [
      `In SendGrid, the link branding for ${parentOf(host)} shows as verified (both records).`,
      coveredByUniversal(split)
        ? `In ${CONSOLE.edgeCertificates}, the Universal certificate (*.${zone}) is Active.`
        : `In ${CONSOLE.edgeCertificates}, the Advanced certificate listing ${host} is Active.`,
      `In Rules › Overview, the Configuration Rule "${ruleDescription(host)}" is listed and enabled.`,
      `Copy a tracked link from a sent email and keep its path and query (it looks like ${path}).`,
      `HTTP, straight to SendGrid for now: ${curl(`http://${host}${path}`)} — expect 302 and the destination.`,
      "If any check fails, stop here: do not turn on the proxy.",
    ],
    warnings: undefined,
  };

  const proxy: PlanStep = {
    ...dnsStep({ linkRecord: linkProxied, cdnName: "Cloudflare", input: { ...input, ownerRecords: undefined } }), // the records step already shows the owner record,
    title: "Turn on the proxy for the link host",
    intro: `Only after the checks pass: switch ${host} to ${OPTION.proxied}. With Cloudflare the record keeps its target (${origin}); the orange cloud is the switch. Change only this record.`,
    actions: [
      `In ${CONSOLE.dnsRecords}, edit the CNAME ${relativeName} and set ${LABELS.recordProxy.label} to ${OPTION.proxied} (orange cloud). Keep the target ${origin}.`,
      `Leave the owner record ${ownerName} ${OPTION.dnsOnly}.`,
      `HTTPS: ${curl(`https://${host}${path}`)} — expect 302 with no certificate error.`,
      `HTTP: ${curl(`http://${host}${path}`)} — expect 302 and the destination.`,
      `If either answer is a 525, 526 or a certificate error, set ${LABELS.recordProxy.label} back to ${OPTION.dnsOnly} and check the certificate and the rule.`,
    ],
  };

  return {
    host,
    zone,
    relativeName,
    guarantees: guarantees(host, origin),
    warnings,
    steps: [certificateStep(split), records, encryption, test, proxy, nextStep("Cloudflare")],
  };
}

export function plan(input: PlanInput): Plan {
  return planOf(cloudflareInfo, input, hostPlan);
}
