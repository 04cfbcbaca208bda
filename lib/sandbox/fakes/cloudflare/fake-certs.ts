import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Status } from "cloudflare/resources/ssl/certificate-packs/certificate-packs";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";
import { fail, lower, ok, paginate, parseBody, WIRE_ERROR } from "./fake-wire";

/**
 * Certificate packs in the Cloudflare fake: `GET /zones/{id}/ssl/certificate_packs[?status=all]`,
 * `GET|DELETE …/certificate_packs/{pack_id}`, `POST …/certificate_packs/order`
 * (docs/providers/cloudflare.md#certificates).
 */

export interface FakeCertificatePack {
  id: string;
  type: "universal" | "advanced";
  hosts: string[];
  /** Any of the 21 statuses of the SDK's `Status` union; tests set them with CloudflareFake.addPack/setPackStatus. */
  status: Status;
  validation_method: "txt" | "http" | "email";
  validity_days: number;
  certificate_authority: "google" | "lets_encrypt" | "ssl_com";
  cloudflare_branding: boolean;
  validation_records?: { txt_name: string; txt_value: string; status: string }[];
  certificates: unknown[];
}

/** A pack as the fake keeps it: `reads` counts list and get calls, which move a new pack along. */
export type StoredPack = FakeCertificatePack & { reads: number };

/** What the certificate routes need of a zone. */
export interface CertZone {
  zone: { name: string };
  acm: boolean;
  packs: StoredPack[];
}

const PACK_STAGES = ["initializing", "pending_validation", "pending_issuance", "pending_deployment", "active"] as const;
/** `validity_days: 14 | 30 | 90 | 365` and `certificate_authority` (SDK `CertificatePackCreateParams`). */
const VALIDITY_DAYS = [14, 30, 90, 365];
const AUTHORITIES = ["google", "lets_encrypt", "ssl_com"] as const;

/**
 * The validity periods each authority issues, which the SDK's types do not tie together: Let's Encrypt
 * "supports validity periods of 90 days"; Google Trust Services and SSL.com 14, 30 and 90 days, SSL.com
 * also one year for Enterprise customers (cloudflare-docs ssl/reference/certificate-authorities and
 * ssl/reference/certificate-validity-periods: 1 month and 2 weeks "Not supported by Let's Encrypt"). The
 * Enterprise condition is not modelled. docs/providers/cloudflare.md#certificate-authorities-and-validity
 */
const VALIDITY_BY_AUTHORITY: Record<(typeof AUTHORITIES)[number], readonly number[]> = {
  google: [14, 30, 90],
  lets_encrypt: [90],
  ssl_com: [14, 30, 90, 365],
};
const VALIDATION_METHODS = ["txt", "http", "email"] as const;

const PACK_ERROR = {
  acmRequired: () => fail(400, { code: 1450, message: "Advanced Certificate Manager is required to order an advanced certificate." }),
  invalid: (message: string) => fail(400, { code: 1400, message }), // unverified code
  notFound: () => fail(404, { code: 1404, message: "Certificate pack not found." }), // unverified code
};

export function withoutReads(pack: StoredPack): FakeCertificatePack {
  const copy: Partial<StoredPack> & FakeCertificatePack = { ...pack };
  delete copy.reads;
  return copy;
}

/** Universal SSL: the apex and one level below it (docs/providers/cloudflare.md#certificates). */
export function universalPack(zoneName: string): StoredPack {
  return {
    id: randomUUID(),
    type: "universal",
    hosts: [zoneName, `*.${zoneName}`],
    status: "active",
    validation_method: "txt",
    validity_days: 90,
    certificate_authority: "google",
    cloudflare_branding: false,
    certificates: [],
    reads: 0,
  };
}

/**
 * A read of an Advanced pack on the way to active (the stages of cloudflare-docs
 * ssl/reference/certificate-statuses, "New certificates") moves it along, reaching active after
 * `readsUntilActive` reads; it never moves back. Every other status stays as it is.
 */
function read(pack: StoredPack, readsUntilActive: number): FakeCertificatePack {
  const stage = PACK_STAGES.findIndex((s) => s === pack.status);
  if (pack.type === "advanced" && stage >= 0 && pack.status !== "active") {
    pack.reads++;
    const last = PACK_STAGES.length - 1;
    const reached = Math.floor((pack.reads * last) / Math.max(1, readsUntilActive));
    pack.status = PACK_STAGES[Math.min(last, Math.max(stage, reached))]!;
    if (pack.status === "active") delete pack.validation_records;
  }
  return withoutReads(pack);
}

/** A pack seeded by a test, in any status (an Advanced pack unless `type` says otherwise). */
export function seededPack(hosts: string[], status: Status, type: FakeCertificatePack["type"] = "advanced"): StoredPack {
  return { ...universalPack(hosts[0] ?? ""), type, hosts, status, certificate_authority: "lets_encrypt" };
}

export function listPacks(s: CertZone, req: FakeRequest, readsUntilActive: number): FakeResponse {
  const all = req.query.get("status") === "all";
  const packs = s.packs.filter((p) => all || p.status === "active").map((p) => read(p, readsUntilActive));
  const { result, result_info } = paginate(packs, req.query, 20, 50);
  return ok(result, { result_info });
}

export function getPack(s: CertZone, id: string, readsUntilActive: number): FakeResponse {
  const pack = s.packs.find((p) => p.id === id);
  return pack ? ok(read(pack, readsUntilActive)) : PACK_ERROR.notFound();
}

/** Advanced packs can be deleted; Universal SSL is switched off instead (**unverified**: the code for refusing it). */
export function deletePack(s: CertZone, id: string): FakeResponse {
  const pack = s.packs.find((p) => p.id === id);
  if (!pack) return PACK_ERROR.notFound();
  if (pack.type !== "advanced") return PACK_ERROR.invalid("Universal SSL certificate packs cannot be deleted; disable Universal SSL instead.");
  s.packs = s.packs.filter((p) => p !== pack);
  return ok({ id });
}

export function orderPack(s: CertZone, req: FakeRequest): FakeResponse {
  const parsed = parseBody(req);
  if (!parsed.ok) return WIRE_ERROR.malformed();
  const b = parsed.value;
  if (b.type !== "advanced") return PACK_ERROR.invalid("type must be advanced");
  const rawHosts = b.hosts;
  if (!Array.isArray(rawHosts) || rawHosts.length === 0 || !rawHosts.every((h): h is string => typeof h === "string")) return PACK_ERROR.invalid("hosts is required");
  const hosts = rawHosts.map(lower);
  if (hosts.length > 50) return PACK_ERROR.invalid("at most 50 hosts");
  if (!hosts.includes(s.zone.name)) return PACK_ERROR.invalid("hosts must include the zone apex");
  if (hosts.some((h) => !(h === s.zone.name || h.endsWith(`.${s.zone.name}`)))) return PACK_ERROR.invalid("every host must be in the zone");
  const method = VALIDATION_METHODS.find((m) => m === b.validation_method);
  if (!method) return PACK_ERROR.invalid("validation_method is invalid");
  const days = Number(b.validity_days);
  if (!VALIDITY_DAYS.includes(days)) return PACK_ERROR.invalid("validity_days is invalid");
  const authority = AUTHORITIES.find((a) => a === b.certificate_authority);
  if (!authority) return PACK_ERROR.invalid("certificate_authority is invalid");
  if (!VALIDITY_BY_AUTHORITY[authority].includes(days)) return PACK_ERROR.invalid(`Certificate authority ${authority} does not issue certificates valid for ${days} days.`); // wording and code unverified
  if (!s.acm) return PACK_ERROR.acmRequired();
  const pack: StoredPack = {
    id: randomUUID(),
    type: "advanced",
    hosts,
    status: "initializing",
    validation_method: method,
    validity_days: days,
    certificate_authority: authority,
    cloudflare_branding: b.cloudflare_branding === true,
    validation_records: hosts.map((h) => ({ txt_name: `_acme-challenge.${h}`, txt_value: randomBytes(16).toString("base64url"), status: "pending" })),
    certificates: [],
    reads: 0,
  };
  s.packs.push(pack);
  return ok(withoutReads(pack));
}
