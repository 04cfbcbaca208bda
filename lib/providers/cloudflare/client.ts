import "server-only";
import Cloudflare from "cloudflare";
import { withRetry } from "@/lib/async";
import { createOnce } from "@/lib/providers/create-once";
import { policyOf, type Policy } from "@/lib/providers/engine/policy";
import type { ScrubProfile } from "@/lib/providers/engine/scrub";
import type { ApplyContext } from "@/lib/providers/server-types";
import { createFailure, hasCode, retryDelay, UnreadableAnswer } from "./errors";
import { isOrderedPack, toPack, type CfPack } from "./certificates";
import { cnameEdit, toRecord, type CfRecord, type CnameChange } from "./records";
import { CERTIFICATE, CF_CODE, CONFIG_PHASE, RECORD_COMMENT, RECORD_TYPE, TTL_AUTO, orderedHosts } from "./settings";

export type { CfPack } from "./certificates";
export type { CfRecord } from "./records";

/**
 * The few Cloudflare API calls apply needs, through the official SDK (cloudflare v7; calls as in
 * docs/providers/cloudflare.md), with the shapes apply reads reduced to what it uses.
 *
 * The SDK's own retry is off (`maxRetries: 0`): it would sleep for whatever `Retry-After` says, and
 * Cloudflare may say five minutes, and it would send a create again after a lost answer, making a second
 * record or certificate (docs/providers/cloudflare.md#lost-answers). Retries happen here instead, bounded
 * by ApplyContext; creates go through create().
 */

/** Cloudflare tokens and keys are 37+ characters; ids (zones, records, rules) are 32 hex and stay readable. */
export const CLOUDFLARE_SCRUB: ScrubProfile = { tokenLength: 37 };

const ZONES_PER_PAGE = 50;
const RECORDS_PER_PAGE = 100;
const PACKS_PER_PAGE = 50;
const MAX_PAGES = 50;

export interface CfZone {
  id: string;
  name: string;
  status: string;
  type: string;
}

export interface CfRule {
  id?: string;
  action?: string;
  action_parameters?: Record<string, unknown>;
  expression?: string;
  description?: string;
  enabled?: boolean;
  [key: string]: unknown;
}

export interface CfRuleset {
  id: string;
  version: string;
  rules: CfRule[];
}

export interface CfPageRule {
  id: string;
  targets: { constraint?: { value?: string } }[];
  actions: { id?: string; value?: unknown }[];
  status: string;
}

interface Page<T> {
  result: T[];
  /** The wire has total_pages too (docs/providers/cloudflare.md#envelope); the SDK types only page and per_page. */
  result_info?: object;
}

/** A rule as read, ready to be written back: the API sets version and last_updated itself. */
export function asParam(rule: CfRule): CfRule {
  const copy = { ...rule };
  delete copy.version;
  delete copy.last_updated;
  return copy;
}

/**
 * The result of a create's 2xx answer, or an UnreadableAnswer when it cannot be read: the SDK's body parse
 * throws a SyntaxError (not JSON) or a TypeError (cut off, or a body without an envelope), and a result without
 * an id cannot be reported. The SDK's own errors (CloudflareError) pass through.
 */
async function readAnswer<T>(answer: PromiseLike<T>): Promise<T> {
  let result: T;
  try {
    result = await answer;
  } catch (e) {
    if (e instanceof SyntaxError) throw new UnreadableAnswer("the body is not JSON");
    if (e instanceof TypeError) throw new UnreadableAnswer("the body could not be read");
    throw e;
  }
  if (typeof (result as { id?: unknown } | null | undefined)?.id !== "string") throw new UnreadableAnswer("the result has no id");
  return result;
}

/** A 404 from the API: the object does not exist (any more). */
function notFound(e: unknown): boolean {
  return e instanceof Cloudflare.APIError && e.status === 404;
}

/**
 * The SDK as this app configures it for every Cloudflare call (the CDN's apply and the DNS host): its own retries
 * off (see above), logging off, and apiKey/apiEmail/userServiceKey null, since otherwise the SDK reads
 * CLOUDFLARE_API_KEY, CLOUDFLARE_EMAIL, … from the server's environment and sends them too (docs/providers/cloudflare.md#sdk).
 */
export function cloudflareSdk(apiToken: string, baseURL: string, timeoutMs: number): Cloudflare {
  return new Cloudflare({ apiToken, apiKey: null, apiEmail: null, userServiceKey: null, baseURL, maxRetries: 0, timeout: timeoutMs, logLevel: "off" });
}

export class CloudflareClient {
  private readonly sdk: Cloudflare;
  private readonly policy: Policy;

  constructor(apiToken: string, ctx: ApplyContext) {
    this.policy = policyOf(ctx);
    this.sdk = cloudflareSdk(apiToken, ctx.endpoints.cloudflare, this.policy.requestTimeoutMs);
  }

  /** A create: sent once, and after a failure that may have made it, looked for before it is sent again (lib/providers/create-once.ts). */
  private create<T>(send: () => Promise<T>, alreadyMade: () => Promise<T | null>): Promise<T> {
    const { retries, maxRetryDelayMs } = this.policy;
    return createOnce({ send, alreadyMade, classify: (e) => createFailure(e, maxRetryDelayMs), retries, maxDelayMs: maxRetryDelayMs });
  }

  /** A call that may be sent again (reads, and writes that set a state): retried within the bound. */
  private call<T>(fn: () => Promise<T>): Promise<T> {
    const { retries, baseDelayMs, maxRetryDelayMs } = this.policy;
    return withRetry(fn, { retries, baseDelayMs, maxDelayMs: maxRetryDelayMs, retryAfter: (e) => retryDelay(e, maxRetryDelayMs) });
  }

  private async pages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const p = await this.call(() => fetchPage(page));
      out.push(...p.result);
      const info = p.result_info;
      const total = info && "total_pages" in info ? Number(info.total_pages) : 1;
      if (page >= total || p.result.length === 0) break;
    }
    return out;
  }

  /** `GET /user/tokens/verify`: needs no permission. */
  async verifyToken(): Promise<{ id: string; status: string }> {
    const r = await this.call(() => this.sdk.user.tokens.verify());
    return { id: r.id, status: r.status };
  }

  async findZone(name: string): Promise<CfZone | null> {
    const zones = await this.pages<CfZone>(async (page) => {
      const p = await this.sdk.zones.list({ name, page, per_page: ZONES_PER_PAGE });
      return { result: p.result.map((z) => ({ id: z.id, name: z.name, status: String(z.status ?? ""), type: String(z.type ?? "") })), result_info: p.result_info };
    });
    const exact = zones.filter((z) => z.name === name);
    return exact.find((z) => z.status === "active") ?? exact[0] ?? null;
  }

  async listRecords(zoneId: string, filter: { nameExact?: string; nameEndsWith?: string; type?: "CNAME" }, probe = false): Promise<CfRecord[]> {
    const name = filter.nameExact ? { exact: filter.nameExact } : filter.nameEndsWith ? { endswith: filter.nameEndsWith } : undefined;
    const fetchPage = async (page: number) => {
      const p = await this.sdk.dns.records.list({ zone_id: zoneId, ...(name ? { name } : {}), ...(filter.type ? { type: filter.type } : {}), page, per_page: probe ? 5 : RECORDS_PER_PAGE });
      return {
        result: p.result.map((r) => toRecord(r)),
        result_info: p.result_info,
      };
    };
    return probe ? (await this.call(() => fetchPage(1))).result : this.pages(fetchPage);
  }

  /** The CNAME; after a lost answer, the record found by exact name and type carrying apply's comment is it. */
  async createRecord(zoneId: string, name: string, content: string, proxied: boolean): Promise<CfRecord> {
    return this.create(
      // The comment marks it as created by this wizard, for undo (settings.ts RECORD_COMMENT).
      async () => toRecord(await readAnswer(this.sdk.dns.records.create({ zone_id: zoneId, type: RECORD_TYPE, name, content, ttl: TTL_AUTO, proxied, comment: RECORD_COMMENT }))),
      async () => (await this.listRecords(zoneId, { nameExact: name, type: RECORD_TYPE })).find((r) => r.comment === RECORD_COMMENT) ?? null,
    );
  }

  /** `PATCH /zones/{id}/dns_records/{record_id}` with the complete body built from the record as read (records.ts). */
  async editCname(zoneId: string, record: CfRecord, change: CnameChange): Promise<CfRecord> {
    const body = cnameEdit(zoneId, record, change);
    return toRecord(await this.call(() => this.sdk.dns.records.edit(record.id, body)));
  }

  /** One record by id, or null when it does not exist (404, code 81044). */
  async getRecord(zoneId: string, id: string): Promise<CfRecord | null> {
    try {
      return toRecord(await this.call(() => this.sdk.dns.records.get(id, { zone_id: zoneId })));
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  /** `DELETE /zones/{id}/dns_records/{record_id}` (docs/providers/cloudflare.md#dns-records). */
  async deleteRecord(zoneId: string, id: string): Promise<void> {
    await this.call(() => this.sdk.dns.records.delete(id, { zone_id: zoneId }));
  }

  /** The zone-wide SSL/TLS mode (needs Zone Settings Read, which apply does not ask for: callers treat a refusal as unknown). */
  async sslSetting(zoneId: string): Promise<string> {
    const s = await this.call(() => this.sdk.zones.settings.get("ssl", { zone_id: zoneId }));
    return "value" in s ? String(s.value ?? "") : "";
  }

  /** The zone's Configuration Rules ruleset, or null when there is none yet (404, code 10003). */
  async configEntrypoint(zoneId: string): Promise<CfRuleset | null> {
    try {
      const r = (await this.call(() => this.sdk.rulesets.phases.get(CONFIG_PHASE, { zone_id: zoneId }))) as unknown as { id: string; version: string; rules?: CfRule[] };
      return { id: r.id, version: r.version, rules: r.rules ?? [] };
    } catch (e) {
      if (hasCode(e, CF_CODE.entrypointMissing)) return null;
      throw e;
    }
  }

  /** Replaces every rule of the phase: callers pass the merged list (docs/providers/cloudflare.md#configuration-rules). */
  async putConfigEntrypoint(zoneId: string, rules: CfRule[]): Promise<CfRuleset> {
    const r = (await this.call(() =>
      // The one cast on SDK parameters: rules read from the phase go back unchanged, and the SDK types the read
      // (every rule with `action: string`) apart from the write (a union keyed by literal actions), so no
      // mapping without a cast exists short of rebuilding each rule by kind (docs/providers/cloudflare.md#sdk).
      this.sdk.rulesets.phases.update(CONFIG_PHASE, { zone_id: zoneId, rules: rules as Parameters<Cloudflare["rulesets"]["phases"]["update"]>[1]["rules"] }),
    )) as unknown as { id: string; version: string; rules?: CfRule[] };
    return { id: r.id, version: r.version, rules: r.rules ?? [] };
  }

  async pageRules(zoneId: string): Promise<CfPageRule[]> {
    return (await this.call(() => this.sdk.pageRules.list({ zone_id: zoneId }))) as unknown as CfPageRule[];
  }

  /** Every certificate pack, pending ones included (`status=all`). */
  async certificatePacks(zoneId: string, probe = false): Promise<CfPack[]> {
    const fetchPage = async (page: number) => {
      const p = await this.sdk.ssl.certificatePacks.list({ zone_id: zoneId, status: "all", page, per_page: probe ? 5 : PACKS_PER_PAGE });
      return { result: p.result.map(toPack), result_info: p.result_info };
    };
    return probe ? (await this.call(() => fetchPage(1))).result : this.pages(fetchPage);
  }

  /** One certificate pack by id, or null when it does not exist (404). */
  async certificatePack(zoneId: string, id: string): Promise<CfPack | null> {
    try {
      return toPack(await this.call(() => this.sdk.ssl.certificatePacks.get(id, { zone_id: zoneId })));
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  /** `DELETE /zones/{id}/ssl/certificate_packs/{pack_id}` (cloudflare-typescript ssl.certificatePacks.delete). */
  async deleteCertificatePack(zoneId: string, id: string): Promise<void> {
    await this.call(() => this.sdk.ssl.certificatePacks.delete(id, { zone_id: zoneId }));
  }

  /**
   * The Advanced certificate apply orders for `host` in `zone`; after a lost answer, the pack with exactly the
   * hosts, type and authority of this order, in a status that is not dead, is it (certificates.ts isOrderedPack).
   */
  async orderCertificate(zone: { id: string; name: string }, host: string): Promise<CfPack> {
    return this.create(
      async () =>
        toPack(
          await readAnswer(
            this.sdk.ssl.certificatePacks.create({
              zone_id: zone.id,
              type: CERTIFICATE.type,
              hosts: orderedHosts(zone.name, host),
              validation_method: CERTIFICATE.validationMethod,
              validity_days: CERTIFICATE.validityDays,
              certificate_authority: CERTIFICATE.certificateAuthority,
              cloudflare_branding: CERTIFICATE.cloudflareBranding,
            }),
          ),
        ),
      async () => (await this.certificatePacks(zone.id)).find((p) => isOrderedPack(p, zone.name, host)) ?? null,
    );
  }
}
