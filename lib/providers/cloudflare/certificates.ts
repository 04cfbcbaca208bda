import type { CertificatePackCreateResponse, CertificatePackGetResponse, CertificatePackListResponse, Status } from "cloudflare/resources/ssl/certificate-packs/certificate-packs";
import type { DnsRecord } from "@/lib/domain/plan";
import { RESOURCE } from "./resources";
import type { ResourceRef } from "@/lib/providers/types";
import { OPTION } from "./labels";
import { CERTIFICATE, orderedHosts } from "./settings";
import { nameInZone, namesCover } from "./zones";

/**
 * Certificate packs as apply reads them, and what each of Cloudflare's 21 pack statuses means for a host
 * (docs/providers/cloudflare.md#certificate-pack-statuses). The statuses are the SDK's `Status` union
 * (cloudflare v7.3.0, resources/ssl/certificate-packs/certificate-packs.d.ts).
 */

export type PackStatus = Status;

export interface CfPack {
  id: string;
  type: string;
  hosts: string[];
  status: PackStatus;
  validation_method?: string;
  validity_days?: number;
  certificate_authority?: string;
  validation_records?: { txt_name?: string; txt_value?: string; status?: string }[];
}

export function toPack(p: CertificatePackListResponse | CertificatePackGetResponse | CertificatePackCreateResponse): CfPack {
  return {
    id: p.id,
    type: p.type,
    hosts: p.hosts,
    status: p.status,
    ...(p.validation_method !== undefined ? { validation_method: p.validation_method } : {}),
    ...(p.validity_days !== undefined ? { validity_days: p.validity_days } : {}),
    ...(p.certificate_authority !== undefined ? { certificate_authority: p.certificate_authority } : {}),
    ...(p.validation_records !== undefined ? { validation_records: p.validation_records } : {}),
  };
}

/**
 * What a pack that names the host is worth to apply:
 * - `usable`: deployed now; the proxy may go on.
 * - `progressing`: on its way to active by itself; wait, never order a second one.
 * - `needsAction`: names the host but stays as it is until someone acts or checks it (restart validation, deploy
 *   it to production, deploy it again, check what a backup stands for); never order a second one (it would use
 *   the customer's quota).
 * - `dead`: gone or failed for good; a new certificate is ordered.
 */
export type PackStanding = "usable" | "progressing" | "needsAction" | "dead";

export function packStanding(status: PackStatus): PackStanding {
  switch (status) {
    case "active":
    case "pending_expiration": // still deployed; Cloudflare renews it before it expires
      return "usable";
    case "initializing":
    case "pending_validation":
    case "pending_issuance":
    case "pending_deployment":
    case "holding_deployment": // deploys by itself once the zone is active
      return "progressing";
    case "validation_timed_out": // documented remedy: restart validation (PATCH the pack)
    case "staging_deployment":
    case "staging_active": // staging environment only: deploy it to production
    case "deactivating":
    case "inactive": // deactivated, can be deployed again
    case "pending_cleanup": // undocumented: treated with care, no duplicate order
    case "backup_issued": // a backup is "not normally deployed": not proof the host is served, and no duplicate order
      return "needsAction";
    case "initializing_timed_out":
    case "issuance_timed_out":
    case "deployment_timed_out": // no in-place remedy for an Advanced pack: order anew
    case "expired":
    case "pending_deletion":
    case "deletion_timed_out":
    case "deleted":
      return "dead";
    default:
      return unlisted(status);
  }
}

/**
 * A status newer than the SDK's list (the wire may bring one): no duplicate order, the person checks it.
 * Typed `never`, so a status added to the SDK's union fails the build until it is classified above.
 */
function unlisted(status: never): PackStanding {
  void status;
  return "needsAction";
}

const RANK: Record<PackStanding, number> = { usable: 0, progressing: 1, needsAction: 2, dead: 3 };

/**
 * Whether the pack is exactly what orderCertificate orders for `host` (settings.ts CERTIFICATE): its hosts, type
 * and authority, in a status that is not dead. After a lost answer only such a pack is taken as the order's, never
 * one that merely covers the host (a wildcard someone else ordered). docs/providers/cloudflare.md#lost-answers
 */
export function isOrderedPack(pack: CfPack, zone: string, host: string): boolean {
  const wanted = new Set(orderedHosts(zone, host).map((h) => h.toLowerCase()));
  const hosts = new Set(pack.hosts.map((h) => h.toLowerCase()));
  return (
    pack.type === CERTIFICATE.type &&
    pack.certificate_authority === CERTIFICATE.certificateAuthority &&
    hosts.size === wanted.size &&
    [...wanted].every((h) => hosts.has(h)) &&
    packStanding(pack.status) !== "dead"
  );
}

/** The pack that names the host and counts most, and the dead ones when nothing better names it. */
export function choosePack(packs: readonly CfPack[], host: string): { pack: CfPack | null; stale: CfPack[] } {
  const covering = packs.filter((p) => namesCover(p.hosts, host)).sort((a, b) => RANK[packStanding(a.status)] - RANK[packStanding(b.status)]);
  const best = covering[0];
  if (best && packStanding(best.status) !== "dead") return { pack: best, stale: [] };
  return { pack: null, stale: covering };
}

export function packUsable(pack: CfPack | null): boolean {
  return pack !== null && packStanding(pack.status) === "usable";
}

export function statusWords(pack: CfPack): string {
  return pack.status.replaceAll("_", " ");
}

/** What the person does about a pack that waits for them (standing `needsAction`). */
export function packAction(pack: CfPack, host: string): string {
  const which = `The certificate ${pack.id} for ${host}`;
  switch (pack.status) {
    case "validation_timed_out":
      return `${which} timed out in validation. Fix what blocks it (CAA records, DNSSEC), then restart its validation in SSL/TLS › Edge Certificates and apply again; no second certificate is ordered while this one can be restarted.`;
    case "staging_deployment":
    case "staging_active":
      return `${which} is in the staging environment (${statusWords(pack)}). Deploy it to production in SSL/TLS › Edge Certificates, then apply again.`;
    case "deactivating":
    case "inactive":
      return `${which} is ${statusWords(pack)}. Deploy it again in SSL/TLS › Edge Certificates, or delete it so that apply orders a new one, then apply again.`;
    case "backup_issued":
      return `${which} is backup issued: Cloudflare holds backup certificates in reserve and does not normally deploy them. Check in SSL/TLS › Edge Certificates that a certificate covering ${host} is Active; if none is, delete this one so that apply orders a new one, then apply again.`;
    default:
      return `${which} is ${statusWords(pack)}, a status this wizard does not act on. Check it in SSL/TLS › Edge Certificates; delete it if it is no longer wanted, so that apply orders a new one.`;
  }
}

/** The sentence about the certificate in a host's summary, or null when it is usable. */
export function packSummary(pack: CfPack | null, host: string): string | null {
  if (!pack) return `No certificate names ${host} yet.`;
  switch (packStanding(pack.status)) {
    case "usable":
      return null;
    case "progressing":
      return `Certificate ${statusWords(pack)}: Cloudflare validates the TXT record itself when your DNS is on Cloudflare; check again in a few minutes.`;
    default:
      return packAction(pack, host);
  }
}

/** A note about a pack in use that is not plainly active. */
export function packNote(pack: CfPack | null, host: string): string | null {
  if (pack?.status === "pending_expiration") return `The certificate ${pack.id} for ${host} is pending expiration; Cloudflare renews Advanced certificates by itself before they expire.`;
  return null;
}

/** The certificate column of the preview: what happens next with a pack that names the host. */
export function packNext(pack: CfPack, host: string): string {
  switch (packStanding(pack.status)) {
    case "usable":
      return "Active";
    case "progressing":
      return "Wait until Active";
    default:
      return packAction(pack, host);
  }
}

export function describePack(p: CfPack): string {
  return `${p.type === "universal" ? "Universal SSL" : "Advanced certificate"} ${p.id} (${p.hosts.join(", ")}): ${statusWords(p)}`;
}

export function describeOrder(zone: string, host: string): string {
  return `Advanced certificate for ${orderedHosts(zone, host).join(", ")} (${OPTION.validationMethod[CERTIFICATE.validationMethod]}, ${OPTION.validityDays(CERTIFICATE.validityDays)}, ${OPTION.certificateAuthority[CERTIFICATE.certificateAuthority]})`;
}

export function packResource(pack: CfPack, createdByThisRun: boolean): ResourceRef {
  return { kind: pack.type === "universal" ? RESOURCE.universalCertificate : RESOURCE.advancedCertificate, id: pack.id, createdByThisRun, status: statusWords(pack) };
}

/** On a partial (CNAME) setup the person creates the TXT validation records at their own DNS host. */
export function validationRecords(zone: { name: string; type: string }, pack: CfPack | null): DnsRecord[] {
  if (zone.type !== "partial" || !pack || packUsable(pack)) return [];
  return (pack.validation_records ?? []).flatMap((v) =>
    v.txt_name && v.txt_value
      ? [
          {
            type: "TXT" as const,
            name: v.txt_name,
            relativeName: nameInZone(v.txt_name, zone.name),
            zone: zone.name,
            value: v.txt_value,
            valueKnown: true,
            ttl: OPTION.ttlAuto,
            purpose: "Proves to the certificate authority that you control the host. Create it at your authoritative DNS host.",
            phase: "setup" as const,
          },
        ]
      : [],
  );
}
