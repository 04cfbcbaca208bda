import type { RecognisedPaste, RecognisedRecord } from "@/lib/domain/esp";
import { agreed, collectObjects, parseJson, rowsFromText, stripDot, tokensOf } from "../paste";
import { readSesName, sesOrigin } from "./names";

/**
 * Amazon SES custom tracking domains as people paste them: the tracking CNAME to `r.<region>.awstrack.me` (the region
 * is read from it), or a configuration set's `TrackingOptions` JSON (`{CustomRedirectDomain, HttpsPolicy}`, SESv2
 * GetConfigurationSet / PutConfigurationSetTrackingOptions; the Terraform provider's `tracking_options` block has the
 * same two fields). Sources: docs.aws.amazon.com/ses/latest/dg/configure-custom-open-click-domains.html and
 * docs.aws.amazon.com/ses/latest/APIReference-V2/API_TrackingOptions.html; docs/esps.md#amazon-ses.
 */

interface TrackingOptions {
  domain: string;
  httpsPolicy?: string;
}

function trackingOptions(o: Record<string, unknown>): TrackingOptions | undefined {
  if (typeof o.CustomRedirectDomain !== "string") return undefined;
  return { domain: stripDot(o.CustomRedirectDomain), httpsPolicy: typeof o.HttpsPolicy === "string" ? o.HttpsPolicy : undefined };
}

function policyNote(t: TrackingOptions): string {
  if (t.httpsPolicy === "REQUIRE" || t.httpsPolicy === "REQUIRE_OPEN_ONLY") {
    return `${t.domain}: HttpsPolicy is ${t.httpsPolicy}, so SES already writes https:// links for it; they fail until the CDN serves HTTPS for it.`;
  }
  return `${t.domain}: HttpsPolicy is ${t.httpsPolicy ?? "OPTIONAL (the default)"}; set it to REQUIRE only after the check passes (the last step says how).`;
}

function fromJson(data: unknown): RecognisedPaste | null {
  const options = collectObjects(data, trackingOptions);
  if (options.length === 0) return null;
  return {
    hosts: options.map((t) => t.domain),
    records: options.map((t): RecognisedRecord => ({ type: "CNAME", host: t.domain, value: "", role: "link", line: 0 })),
    managedHttps: false,
    notes: options.map(policyNote),
  };
}

function fromRows(text: string): RecognisedPaste | null {
  if (!tokensOf(text).some((t) => readSesName(t) !== null)) return null;
  const rows = rowsFromText(text, (name) => readSesName(name) !== null);
  const records: RecognisedRecord[] = rows.map((r) => ({ ...r, role: readSesName(r.value) ? "link" : "other" }));
  const links = records.filter((r) => r.role === "link");
  const region = agreed(links.map((r) => readSesName(r.value)?.region));
  const paste: RecognisedPaste = { hosts: links.map((r) => r.host), records, region: region === "mixed" ? undefined : region, managedHttps: false, notes: [] };
  if (links.length === 0) {
    paste.problem = `The pasted records have no Amazon SES tracking domain: a CNAME whose value is ${sesOrigin("<region>")}.`;
  } else if (region === "mixed") {
    const regions = [...new Set(links.map((r) => readSesName(r.value)!.region))].join(", ");
    paste.problem = `The pasted tracking domains point at Amazon SES in more than one region (${regions}): one plan covers one region. Paste one region's tracking domains at a time.`;
  }
  return paste;
}

export function recogniseSes(text: string): RecognisedPaste | null {
  const data = parseJson(text);
  return data === undefined ? fromRows(text) : fromJson(data);
}
