import type { EspProbe, ResolvedEsp } from "@/lib/domain/esp";
import { ownerRecordFor, splitZone } from "@/lib/hostnames";
import type { DnsRecord, PlanInput, PlanStep } from "@/lib/domain/plan";
import { cnameRecord } from "./common";

/**
 * The steps every CDN's plan shares, written from the email provider's own order (docs/esps.md#invariants):
 * what must be done in the ESP first, the test before the switch with the ESP's probe and expected answer, the
 * switch of the link record only (with the records the ESP keeps, and its warning at the switch), and who turns
 * HTTPS on afterwards. Nothing here names an ESP: every word about one comes from its module (lib/esps/<esp>/).
 */

/** The ESP's texts with the host and region filled in (`<host>`, `<domain>` name the link host; `<region>` the region). */
export function fillEspText(text: string, host: string, esp: Pick<ResolvedEsp, "region">): string {
  return text.replaceAll("<host>", host).replaceAll("<domain>", host).replaceAll("<region>", esp.region);
}

const isRedirect = (probe: EspProbe) => probe.statuses.every((s) => s >= 300 && s < 400);

/**
 * A curl command that shows what the probe needs to see: the status and where a redirect goes, or the status
 * line and headers when the ESP's answer is recognised by its headers.
 */
export function probeCurl(probe: EspProbe, url: string, options = ""): string {
  const extra = options ? ` ${options}` : "";
  if (probe.headers.length === 0 && isRedirect(probe)) return `curl -sS -o /dev/null -w '%{http_code} %{redirect_url}\\n'${extra} '${url}'`;
  return probe.method === "HEAD" ? `curl -sS -I${extra} '${url}'` : `curl -sS -o /dev/null -D -${extra} '${url}'`;
}

/** The line that says which path to request: a real tracked link, or the ESP's own test path. */
export function probePathAction(esp: ResolvedEsp): string {
  return esp.probe.useSentLink
    ? `Copy a tracked link from a sent email and keep its path and query (it looks like ${esp.probe.path}).`
    : `Request ${esp.probe.path}: it needs no real link, ${esp.name} answers it with ${esp.probe.describe}.`;
}

export function testStep(opts: { host: string; cdnName: string; cdnAddress: string; addressKnown: boolean; waitFor: string; esp: ResolvedEsp }): PlanStep {
  const { host, cdnName, cdnAddress, addressKnown, esp } = opts;
  const address = addressKnown ? cdnAddress : "<CDN address>";
  const path = esp.probe.path;
  return {
    id: "test",
    title: `Test the ${cdnName} setup before touching DNS`,
    intro: `${esp.probe.useSentLink ? "Use a tracked link from an email you already sent. " : ""}Both requests below must answer with ${esp.probe.describe}, not a CDN error page. DNS still points at ${esp.name}, so nothing your recipients click changes yet.`,
    actions: [
      opts.waitFor,
      probePathAction(esp),
      `HTTP: ${probeCurl(esp.probe, `http://${address}${path}`, `-H 'Host: ${host}'`)} — expect ${esp.probe.describe}.`,
      `HTTPS: ${probeCurl(esp.probe, `https://${host}${path}`, `--connect-to ${host}:443:${address}:443`)} — expect ${esp.probe.describe}, with no certificate error.`,
      "If either answer is a 403, 502, 525 or a certificate error, stop here: do not change DNS until both pass.",
    ],
    warnings: addressKnown ? undefined : [`Replace <CDN address> with ${cdnAddress}.`],
  };
}

/** A record the ESP keeps where it is, pasted with the chart for this host, shown as "leave as it is" (invariant 7). */
function keepRecord(host: string, input: PlanInput, esp: ResolvedEsp): DnsRecord | undefined {
  if (!esp.keepRecords) return undefined;
  const name = ownerRecordFor(host, input.ownerRecords);
  if (!name || !esp.keepRecords.pattern.test(name)) return undefined;
  return cnameRecord(name, esp.origin, {
    purpose: `Leave it as it is: ${esp.keepRecords.what}. Do not move it to the CDN.`,
    phase: "keep",
    zone: splitZone(host).zone,
  });
}

export function dnsStep(opts: { linkRecord: DnsRecord; cdnName: string; input: PlanInput; esp: ResolvedEsp }): PlanStep {
  const { esp } = opts;
  const keep = keepRecord(opts.linkRecord.name, opts.input, esp);
  return {
    id: "dns",
    title: "Update DNS: point the link host at the CDN",
    intro: `Only after both tests pass: change the link host's CNAME from ${esp.name} to ${opts.cdnName}. Change only this record.`,
    actions: [
      `At your DNS host, edit the existing CNAME for ${opts.linkRecord.name} so it points to the value below (replace, do not add a second record).`,
      esp.keepRecords ? `Leave every other record as it is: ${esp.keepRecords.what}.` : `Leave every other record of ${esp.name} as it is.`,
      "Wait for the TTL to pass, then open a tracked link over HTTPS in a browser.",
    ],
    records: keep ? [opts.linkRecord, keep] : [opts.linkRecord],
    warnings: esp.order.atSwitch ? [esp.order.atSwitch] : undefined,
  };
}

/** The last step: who turns HTTPS on for tracked links, and what to do in the ESP (invariant 9). */
export function nextStep(opts: { host: string; cdnName: string; esp: ResolvedEsp }): PlanStep {
  const { host, esp } = opts;
  return {
    id: "next",
    title: `Turn on HTTPS for tracked links in ${esp.name}`,
    intro: `With ${opts.cdnName} serving every link host over HTTPS: ${esp.order.whoTurnsHttpsOn}`,
    actions: esp.order.after.map((line) => fillEspText(line, host, esp)),
  };
}
