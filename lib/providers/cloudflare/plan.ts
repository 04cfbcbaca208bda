import type { ResolvedEsp } from "@/lib/domain/esp";
import { planOf } from "@/lib/providers/plan-parts/common";
import { dnsStep, nextStep, probeCurl, probePathAction, testStep } from "@/lib/providers/plan-parts/esp-steps";
import type { HostPlan, Plan, PlanInput, PlanStep } from "@/lib/domain/plan";
import { CONSOLE, LABELS, OPTION } from "./labels";
import { SSL_MODE, hostExpression, ruleDescription } from "./settings";
import { coveredByUniversal, repeatedZone, zoneOf } from "./zones";
import { certificateStep, field, guarantees, limits, record, recordGroup } from "./plan-parts";
import { ownerRecordFor, ownerRecordName, parentOf } from "@/lib/hostnames";
import { cloudflareInfo } from "./info";

/**
 * The Cloudflare plan for one link host (the seed's Cloudflare section; facts: docs/providers/cloudflare.md).
 * Order of work: records DNS-only → (where the email provider validates its record first, as SendGrid does:
 * validate it now) → certificate Active for the exact host → SSL Full for the host → proxy the link host only →
 * turn HTTPS on in the email provider.
 */

function hostPlan(host: string, input: PlanInput, esp: ResolvedEsp): HostPlan {
  const origin = esp.origin;
  const split = zoneOf(host, input.zones?.[input.hosts.indexOf(host)]);
  const { zone, relativeName } = split;
  // The records the ESP keeps beside the link record (SendGrid's numeric owner record); none for most ESPs.
  const keeps = esp.keepRecords;
  const knownOwner = keeps ? ownerRecordFor(host, input.ownerRecords) : undefined;
  const ownerName = knownOwner ?? ownerRecordName(host);
  const confirm = esp.order.confirmBeforeSwitch;

  const linkDnsOnly = record(host, origin, zone, {
    proxied: false,
    phase: "setup",
    purpose: confirm
      ? `The click-tracking host. DNS only until ${esp.name} has validated it; proxied at the switch.`
      : `The click-tracking host. DNS only until everything is ready, so clicks still reach ${esp.name} directly; proxied at the switch.`,
  });
  const owner = keeps
    ? record(ownerName, origin, zone, { proxied: false, phase: "setup", purpose: `${keeps.what}.` })
    : undefined;
  const linkProxied = record(host, origin, zone, {
    proxied: true,
    phase: "switch",
    purpose: `The click-tracking host, proxied by Cloudflare, which forwards clicks to ${esp.name} over HTTPS.`,
  });

  const warnings: string[] = [];
  const meant = repeatedZone(host, zone);
  if (meant) {
    warnings.push(
      `${host} ends with ${zone} twice. This is what a DNS host makes of the full name typed into its Name field; the link-branding host is probably ${meant}. Check the hostname in ${esp.name}.`,
    );
  }
  if (split.zoneIgnored) warnings.push(`Zone: ${split.zoneIgnored}`);
  if (split.delegated) {
    warnings.push(`${zone} is its own zone (delegated from ${split.registrable}): add the records in the ${zone} zone, where the Name is ${relativeName}.`);
  }

  const path = esp.probe.path;
  const both = owner ? "both records" : "the record";
  const records: PlanStep = {
    id: "records",
    title: owner ? "Add the link-branding records, DNS only" : "Add the tracking record, DNS only",
    intro: `${owner ? "Both records of the link-branding chart point" : "The tracking record points"} at ${origin}. Add ${owner ? "them" : "it"} DNS only first: ${
      confirm
        ? `${esp.name} checks the CNAMEs, and a proxied record answers with Cloudflare's addresses instead, so validation would fail.`
        : `clicks keep reaching ${esp.name} directly until the proxy goes on.`
    }`,
    actions: [
      `In ${CONSOLE.dnsRecords}, choose ${CONSOLE.addRecord} for ${owner ? "each record" : "the record"} below. If a record with that name exists, edit it instead of adding a second one.`,
      `In Name, type only the part before ${zone}: ${relativeName} (the full name is ${host}).`,
      `Set ${LABELS.recordProxy.label} to ${OPTION.dnsOnly} (grey cloud) for ${both}.`,
      ...(confirm ? esp.order.before.map((line) => `Now, for ${parentOf(host)}: ${line}`) : []),
      ...(owner ? [`The owner record stays ${OPTION.dnsOnly} for good: only the link host is ever proxied.`] : []),
    ],
    groups: owner ? [recordGroup("link", linkDnsOnly), recordGroup("owner", owner)] : [recordGroup("link", linkDnsOnly)],
    records: owner ? [linkDnsOnly, owner] : [linkDnsOnly],
    warnings:
      owner && !knownOwner
        ? [`Your link-branding chart has a second record for this subdomain that is still needed: ${ownerName} CNAME ${origin}, ${OPTION.dnsOnly}. Replace <user_id> with the number in your chart.`]
        : undefined,
  };

  const expression = hostExpression(host);
  const encryption: PlanStep = {
    id: "encryption",
    title: `Set SSL/TLS to Full for ${host} with a Configuration Rule`,
    intro: `Full encrypts the connection from Cloudflare to ${esp.name} without checking the certificate's name: ${esp.name} answers with a certificate for its own name (${origin}), not your link host. A rule scoped to the link host leaves the rest of the zone as it is.`,
    actions: [
      `Open ${CONSOLE.configRules}.`,
      `Enter the values below, then choose ${CONSOLE.deploy}.`,
      `Older equivalent, for reference: ${CONSOLE.pageRules}, ${CONSOLE.pageRuleUrl} ${host}/*, ${CONSOLE.pageRuleSetting} SSL: ${OPTION.ssl.full}, ${CONSOLE.pageRuleSave} (the seed's "Page Rules turned ON" step). Page Rules are deprecated: do not create new ones. A Configuration Rule takes precedence over an existing Page Rule for the same host.`,
      "Leave the zone-wide mode (SSL/TLS › Overview) as it is. If Automatic SSL/TLS raises the zone to Full (strict), this rule keeps the link host on Full.",
      "Do not add a cache rule (such as Cache Everything) for this host: each click's answer belongs to one recipient.",
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
      `Not ${OPTION.ssl.strict}: ${esp.name}'s certificate does not name ${host}, so strict fails with error 526.`,
      `Not ${OPTION.ssl.flexible}: Cloudflare would send clicks to ${esp.name} over plain HTTP.`,
    ],
  };

  // Cloudflare proxies the host in place: there is no separate CDN address to try before the switch
  // (docs/contract.md#verification, `target`). So the test step keeps testStep's id and purpose but checks
  // each piece now, with the record still DNS only, and the HTTPS test runs right after the proxy goes on.
  const test: PlanStep = {
    ...testStep({ host, cdnName: "Cloudflare", cdnAddress: host, addressKnown: true, waitFor: "", esp }),
    title: "Check everything is ready before turning on the proxy",
    intro: `Cloudflare proxies the link host in place: there is no separate Cloudflare address to test before the switch. Check each piece now, while the record is still DNS only and clicks still go straight to ${esp.name}; the HTTPS test comes right after the proxy goes on, and switching the proxy off again undoes it.`,
    actions: [
      ...(confirm ? [`In ${esp.name}, for ${parentOf(host)}: ${confirm}.`] : []),
      coveredByUniversal(split)
        ? `In ${CONSOLE.edgeCertificates}, the Universal certificate (*.${zone}) is Active.`
        : `In ${CONSOLE.edgeCertificates}, the Advanced certificate listing ${host} is Active.`,
      `In Rules › Overview, the Configuration Rule "${ruleDescription(host)}" is listed and enabled.`,
      probePathAction(esp),
      `HTTP, straight to ${esp.name} for now: ${probeCurl(esp.probe, `http://${host}${path}`)} — ${esp.name} answers it directly while the record is DNS only.`,
      "If any check fails, stop here: do not turn on the proxy.",
    ],
    warnings: undefined,
  };

  const proxy: PlanStep = {
    ...dnsStep({ linkRecord: linkProxied, cdnName: "Cloudflare", input: { ...input, ownerRecords: undefined }, esp }), // the records step already shows the owner record
    title: "Turn on the proxy for the link host",
    intro: `Only after the checks pass: switch ${host} to ${OPTION.proxied}. With Cloudflare the record keeps its target (${origin}); the orange cloud is the switch. Change only this record.`,
    actions: [
      `In ${CONSOLE.dnsRecords}, edit the CNAME ${relativeName} and set ${LABELS.recordProxy.label} to ${OPTION.proxied} (orange cloud). Keep the target ${origin}.`,
      ...(owner ? [`Leave the owner record ${ownerName} ${OPTION.dnsOnly}.`] : []),
      `HTTPS: ${probeCurl(esp.probe, `https://${host}${path}`)} — expect ${esp.probe.describe}, with no certificate error.`,
      `HTTP: ${probeCurl(esp.probe, `http://${host}${path}`)} — expect ${esp.probe.describe}.`,
      `If either answer is a 525, 526 or a certificate error, set ${LABELS.recordProxy.label} back to ${OPTION.dnsOnly} and check the certificate and the rule.`,
    ],
  };

  return {
    host,
    zone,
    relativeName,
    guarantees: guarantees(host, origin),
    warnings: [...warnings, ...limits(host, esp)],
    steps: [certificateStep(split), records, encryption, test, proxy, nextStep({ host, cdnName: "Cloudflare", esp })],
  };
}

export function plan(input: PlanInput): Plan {
  return planOf(cloudflareInfo, input, hostPlan);
}
