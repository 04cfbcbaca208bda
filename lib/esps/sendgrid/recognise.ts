import type { RecognisedPaste, RecognisedRecord, TrackingNameOwner } from "@/lib/domain/esp";
import { agreed, collectObjects, parseJson, rowsFromText, stripDot, tokensOf, type PasteRow } from "../paste";
import { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN } from "./names";

/**
 * SendGrid's link-branding records as people paste them: the UI's chart (HOST / TYPE / VALUE rows) or the Link
 * Branding API's JSON (`dns.domain_cname` / `dns.owner_cname`, each `{valid, type, host, data}`), Auto SSL's
 * included. Both records per branded subdomain, and Auto SSL: docs/esps.md#sendgrid, docs/sendgrid.md#link-branding-records.
 */

const REGION_OF = new Map<string, TrackingNameOwner>([
  [SENDGRID_ORIGIN.global, { region: "global" }],
  [SENDGRID_ORIGIN.eu, { region: "eu" }],
  // Auto SSL's link target; SendGrid publishes no EU value for it (docs/esps.md#sendgrid-auto-ssl).
  [SENDGRID_AUTO_SSL_TARGET, { region: "global", managed: true }],
]);

export function readSendgridName(name: string): TrackingNameOwner | null {
  return REGION_OF.get(name) ?? null;
}

/** Any SendGrid name, including ones that are not link branding (e.g. u123.wl.sendgrid.net, domain authentication). */
const isSendgridName = (name: string) => REGION_OF.has(name) || name.endsWith(".sendgrid.net");

const AUTO_SSL_PREFIXES = ["_acme-challenge.", "_cf-custom-hostname."];

function classify(host: string, value: string): RecognisedRecord["role"] {
  if (AUTO_SSL_PREFIXES.some((p) => host.startsWith(p))) return "managed-validation";
  const owner = readSendgridName(value);
  if (!owner) return "other";
  if (owner.managed) return "link";
  return /^\d+\./.test(host) ? "owner" : "link";
}

function jsonRows(data: unknown): PasteRow[] {
  return collectObjects(data, (o) =>
    typeof o.host === "string" && typeof o.data === "string" ? { type: String(o.type ?? "cname").toUpperCase(), host: stripDot(o.host), value: stripDot(o.data), line: 0 } : undefined,
  );
}

export function recogniseSendgrid(text: string): RecognisedPaste | null {
  const data = parseJson(text);
  const rows = data === undefined ? rowsFromText(text, isSendgridName) : jsonRows(data);
  const mentionsSendgrid = data === undefined ? tokensOf(text).some(isSendgridName) : rows.some((r) => isSendgridName(r.value));
  if (!mentionsSendgrid) return null;

  const records: RecognisedRecord[] = rows.map((r) => ({ ...r, role: classify(r.host, r.value) }));
  const links = records.filter((r) => r.role === "link");
  // Auto SSL's target says nothing about the account's region; the origins do.
  const region = agreed(links.map((r) => readSendgridName(r.value)).filter((o) => !o?.managed).map((o) => o?.region));
  const managedHttps = records.some((r) => r.role === "managed-validation" || (r.role === "link" && readSendgridName(r.value)?.managed));
  const paste: RecognisedPaste = {
    hosts: links.map((r) => r.host),
    records,
    region: region === "mixed" ? undefined : region,
    managedHttps,
    notes: managedHttps
      ? ["This branded link uses SendGrid Auto SSL: SendGrid already serves its certificate, so no CDN is needed. Check instead that the records below exist at your DNS host as DNS-only CNAMEs, and that https:// links answer."]
      : [],
  };
  if (links.length === 0) {
    paste.problem =
      "The pasted chart has no link-branding host: a CNAME whose value is sendgrid.net and whose name does not start with digits (the numeric one is the owner record, which stays where it is).";
  } else if (region === "mixed") {
    paste.problem = `The pasted link hosts point at both ${SENDGRID_ORIGIN.global} and ${SENDGRID_ORIGIN.eu}: one plan covers one SendGrid region. Paste one region's link branding at a time.`;
  }
  return paste;
}
