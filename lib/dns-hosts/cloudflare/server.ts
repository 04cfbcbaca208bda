import "server-only";
import Cloudflare from "cloudflare";
import type { RecordResponse } from "cloudflare/resources/dns/records";
import { sleep as timer, withRetry } from "@/lib/async";
import { REFUSAL } from "@/lib/dns-hosts/refusals";
import { sameContent, sameRecord } from "@/lib/dns-hosts/records";
import type { DnsContext, DnsHostServer } from "@/lib/dns-hosts/server-types";
import type { DnsZoneRef, LinkRecord } from "@/lib/dns-hosts/types";
import { zoneCandidates } from "@/lib/hostnames";
import { cloudflareSdk } from "@/lib/providers/cloudflare/client";
import { policyOf } from "@/lib/providers/engine/policy";
import { credentialSchema } from "@/lib/providers/credential-schema";
import { CF_CODE } from "@/lib/providers/cloudflare/settings";
import { cloudflareCredentials, type CloudflareCredentials } from "@/lib/providers/cloudflare/credentials";
import type { ProviderError } from "@/lib/providers/types";
import { cloudflareDnsFacts } from "./facts";
import { translate, type CloudflareDnsCall } from "./errors";
import { CLOUDFLARE_DNS_PERMISSION, cloudflareDnsInfo } from "./info";
import { validationRecord } from "./plan";
import { linkRecordOf, putBody, toLinkRecord } from "./records";
import { retryDelay } from "@/lib/providers/cloudflare/errors";

/**
 * Cloudflare DNS through the official `cloudflare` SDK (configured as for the CDN: lib/providers/cloudflare/client.ts),
 * for a link host whose CDN is another one (docs/dns-hosts/cloudflare.md). Writes are a re-read by id, compared with
 * what was shown, then one complete PUT; after any failed write the record is read again.
 */
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_RETRY_DELAY_MS = 10_000;

type Failure = { ok: false; error: ProviderError; recordNow?: LinkRecord | null };

class CloudflareDnsFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

interface Session {
  sdk: Cloudflare;
  token: string;
  ctx: DnsContext;
}

function open(credentials: CloudflareCredentials, ctx: DnsContext): Session {
  const token = credentials.apiToken.trim();
  return { sdk: cloudflareSdk(token, ctx.endpoint ?? cloudflareDnsFacts.endpoint.default, policyOf(ctx).requestTimeoutMs), token, ctx };
}

/** A call that may be sent again (reads, and a PUT that sets a state): retried after a 429 or 5xx, within bounds. */
function retried<T>(s: Session, fn: () => Promise<T>): Promise<T> {
  const maxDelayMs = s.ctx.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  return withRetry(fn, { retries: s.ctx.maxRetries ?? DEFAULT_RETRIES, baseDelayMs: 200, maxDelayMs, retryAfter: (e) => retryDelay(e, maxDelayMs) });
}

/** The same, with a failure in words. */
async function call<T>(s: Session, what: CloudflareDnsCall, fn: () => Promise<T>): Promise<T> {
  try {
    return await retried(s, fn);
  } catch (error) {
    throw new CloudflareDnsFailure({ ok: false, error: translate(error, what, [s.token]) });
  }
}

async function outcome<T>(fn: () => Promise<T>): Promise<({ ok: true } & T) | Failure> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (error) {
    if (error instanceof CloudflareDnsFailure) return error.failure;
    throw error;
  }
}

async function findZone(s: Session, host: string): Promise<DnsZoneRef> {
  // The most specific zone wins (a delegated sub-zone holds the record); the host itself as a zone is its apex.
  const candidates = [host, ...zoneCandidates(host)];
  for (const name of candidates) {
    const page = await call(s, { doing: `look up the zone ${name}`, permission: CLOUDFLARE_DNS_PERMISSION.zoneRead }, () => s.sdk.zones.list({ name, per_page: 50 }));
    const zones = page.result.filter((z) => z.name === name);
    const zone = zones.find((z) => z.status === "active") ?? zones[0];
    if (!zone) continue;
    if (name === host) throw new CloudflareDnsFailure({ ok: false, error: REFUSAL.apex(host, cloudflareDnsInfo) });
    if (zone.status !== "active") {
      throw new CloudflareDnsFailure({
        ok: false,
        error: {
          code: "zone_not_active",
          message: `The Cloudflare zone ${name} is ${zone.status ?? "not active"}: the domain's name servers are not Cloudflare's yet, so its records are not what the world sees.`,
          action: "Change the record at the DNS host the domain really uses, or finish moving the domain to Cloudflare first.",
        },
      });
    }
    return { id: zone.id, name };
  }
  throw new CloudflareDnsFailure({
    ok: false,
    error: REFUSAL.zoneNotFound(host, candidates.slice(1), cloudflareDnsInfo, "Give the token access to the zone under Zone Resources in My Profile › API Tokens (or use the token of the account that holds it), then read again."),
  });
}

async function recordsAt(s: Session, zone: DnsZoneRef, name: string): Promise<RecordResponse[]> {
  const page = await call(s, { doing: `read the records of ${name}`, permission: CLOUDFLARE_DNS_PERMISSION.dnsEdit }, () => s.sdk.dns.records.list({ zone_id: zone.id, name: { exact: name }, per_page: 100 }));
  return page.result;
}

async function readLinkRecord(s: Session, zone: DnsZoneRef, host: string): Promise<LinkRecord> {
  const found = linkRecordOf(host, zone.name, await recordsAt(s, zone, host));
  if (!found.ok) throw new CloudflareDnsFailure(found);
  return found.record;
}

/** The record with this id now, or null when it is gone (404). */
async function getById(s: Session, zone: DnsZoneRef, id: string, name: string): Promise<LinkRecord | null> {
  try {
    const r = await retried(s, () => s.sdk.dns.records.get(id, { zone_id: zone.id }));
    return r.type === "CNAME" ? toLinkRecord(r) : null;
  } catch (error) {
    if (error instanceof Cloudflare.APIError && error.status === 404) return null;
    throw new CloudflareDnsFailure({ ok: false, error: translate(error, { doing: `read the record of ${name} again`, permission: CLOUDFLARE_DNS_PERMISSION.dnsEdit }, [s.token]) });
  }
}

/** The same, or undefined when it cannot be read either (after a failed write: the result then says so). */
const byId = (s: Session, zone: DnsZoneRef, id: string, name: string) => getById(s, zone, id, name).catch(() => undefined);

export const cloudflareDnsServer: DnsHostServer<CloudflareCredentials> = {
  id: "cloudflare",
  credentialsSchema: credentialSchema(cloudflareCredentials),

  read: (credentials, host, ctx) =>
    outcome(async () => {
      const s = open(credentials, ctx);
      const zone = await findZone(s, host);
      return { zone, record: await readLinkRecord(s, zone, host) };
    }),

  async replace(credentials, zone, expected, next, ctx) {
    const s = open(credentials, ctx);
    if (!expected.id) return { ok: false, error: REFUSAL.changedSinceRead(expected.name, undefined, cloudflareDnsInfo) };
    let before: LinkRecord | null;
    try {
      before = await getById(s, zone, expected.id, expected.name);
    } catch (error) {
      if (error instanceof CloudflareDnsFailure) return error.failure;
      throw error;
    }
    if (before === null || !sameRecord(before, expected)) return { ok: false, error: REFUSAL.changedSinceRead(expected.name, before, cloudflareDnsInfo), recordNow: before };
    try {
      const written = toLinkRecord(await retried(s, () => s.sdk.dns.records.update(expected.id!, putBody(zone.id, next))));
      return { ok: true, written };
    } catch (error) {
      // Read again: a PUT whose answer was lost may have been carried out, and the result must say which.
      const now = await byId(s, zone, expected.id, expected.name);
      if (now && sameContent(now, { ...next, id: expected.id })) return { ok: true, written: now };
      const translated = translate(error, { doing: `change the record of ${expected.name}`, permission: CLOUDFLARE_DNS_PERMISSION.dnsEdit, write: true }, [s.token]);
      const unchanged = now && sameRecord(now, expected);
      return { ok: false, error: unchanged ? { ...translated, message: `${translated.message} Nothing was changed: the record is still ${expected.value}.` } : translated, recordNow: now };
    }
  },

  async waitInSync(credentials, zone, written, _changeId, ctx) {
    // Cloudflare gives no per-change propagation signal: the record is read back until it shows what was written.
    const s = open(credentials, ctx);
    const wait = ctx.sleep ?? timer;
    const deadline = ctx.syncWaitMs ?? 10_000;
    const step = ctx.pollMs ?? 1_000;
    for (let waited = 0; ; waited += step) {
      const now = written.id ? await byId(s, zone, written.id, written.name) : undefined;
      if (now && sameContent(now, written)) return { ok: true, status: "in-sync" as const };
      if (waited >= deadline) return { ok: true, status: "pending" as const };
      await wait(step);
    }
  },

  createValidationRecord: (credentials, record, ctx) =>
    outcome(async () => {
      const s = open(credentials, ctx);
      const zone = await findZone(s, record.name);
      const wanted = validationRecord(record.name, record.value);
      try {
        const created = await s.sdk.dns.records.create({ zone_id: zone.id, type: "CNAME", name: wanted.name, content: wanted.value, ttl: 1, proxied: false, comment: wanted.comment ?? undefined });
        return { zone, record: toLinkRecord(created), created: true };
      } catch (error) {
        const existing = (await recordsAt(s, zone, record.name)).filter((r) => r.type === "CNAME").map(toLinkRecord)[0];
        const same = existing && existing.value.replace(/\.$/, "").toLowerCase() === record.value.replace(/\.$/, "").toLowerCase();
        if (existing && same) return { zone, record: existing, created: false };
        if (existing) throw new CloudflareDnsFailure({ ok: false, error: REFUSAL.validationTaken(record.name, existing, cloudflareDnsInfo), recordNow: existing });
        const taken = error instanceof Cloudflare.APIError && error.errors.some((e) => [CF_CODE.recordNameTaken, CF_CODE.cnameNameTaken, CF_CODE.identicalRecord].includes(Number(e.code) as 81053));
        throw new CloudflareDnsFailure({
          ok: false,
          error: taken
            ? { code: "record_exists", message: `Another record already uses ${record.name} at Cloudflare, so nothing was written.`, action: "Look at the name in DNS › Records, remove what does not belong there by hand, then try again." }
            : translate(error, { doing: `create ${record.name}`, permission: CLOUDFLARE_DNS_PERMISSION.dnsEdit, write: true }, [s.token]),
        });
      }
    }),
};
