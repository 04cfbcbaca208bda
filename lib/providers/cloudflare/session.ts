import "server-only";
import type { ResolvedEsp } from "@/lib/domain/esp";
import { resolveEsp } from "@/lib/esps/choice";
import type { PlanInput } from "@/lib/domain/plan";
import { fail } from "@/lib/providers/engine/failure";
import type { Scrub } from "@/lib/providers/engine/scrub";
import type { Run } from "@/lib/providers/engine/types";
import { CloudflareClient, type CfPageRule, type CfZone } from "./client";
import { isPermissionError, missingPermission, toProviderError, tokenInactive } from "./errors";
import type { CloudflareCredentials } from "./credentials";
import { PERMISSION, type Permission } from "./settings";
import { nameInZone, zoneOf } from "./zones";
import { zoneCandidates } from "@/lib/hostnames";
import type { CfRuleset } from "./client";

/**
 * An apply session: the token verified once, each zone found once (the zone the person named, else each
 * suffix of the host, longest first) and probed with reads once, so a missing permission is named before
 * the first write anywhere (docs/providers/cloudflare.md#token, #zones).
 */
export interface Session {
  client: CloudflareClient;
  scrub: Scrub;
  input: PlanInput;
  /** The email provider the hosts are for: its origin, the records it keeps, and what it must see before the switch. */
  esp: ResolvedEsp;
  origin: string;
  zones: Map<string, Promise<CfZone | null>>;
  checks: Map<string, Promise<ZoneCheck>>;
  ruleWriters: Map<string, RuleWriter>;
}

export interface ZoneCheck {
  missing: Permission[];
  /** Zone-wide SSL/TLS mode, when the token may read it (needs Zone Settings Read, which apply does not ask for). */
  zoneSsl: string | null;
  pageRules: CfPageRule[];
}

export interface Located {
  host: string;
  zone: CfZone;
  relativeName: string;
}

/**
 * Whether the proxy may go on for a link record: where the email provider checks its record before the switch
 * (SendGrid validates it), only for a record that was there before this run and once the person confirmed it;
 * otherwise as soon as everything else is ready.
 */
export function switchConfirmed(session: Session, linkExisted: boolean): boolean {
  return session.esp.order.confirmBeforeSwitch ? linkExisted && session.input.linkBrandingValidated === true : true;
}

export { fail };

/** The token as apply sends it (the schema trims it; apply trims again). */
export const tokenOf = (credentials: CloudflareCredentials) => credentials.apiToken.trim();

/**
 * Account tokens (prefix cfat_) verify at /accounts/{account_id}/tokens/verify, which needs an account id apply
 * does not have; the zone look-ups tell whether they work (docs/providers/cloudflare.md#token). Others are
 * verified here, before anything else.
 */
export async function verifyToken(client: CloudflareClient, token: string, scrub: Scrub): Promise<void> {
  if (token.startsWith("cfat_")) return;
  let verified: { status: string };
  try {
    verified = await client.verifyToken();
  } catch (e) {
    fail(toProviderError(e, { doing: "verify the API token", scrub }));
  }
  if (verified.status !== "active") fail(tokenInactive(verified.status));
}

export async function openSession(credentials: CloudflareCredentials, input: PlanInput, run: Run): Promise<Session> {
  const token = tokenOf(credentials);
  const esp = resolveEsp(input);
  const session: Session = {
    client: new CloudflareClient(token, run.ctx),
    scrub: run.scrub,
    input,
    esp,
    origin: esp.origin,
    zones: new Map(),
    checks: new Map(),
    ruleWriters: new Map(),
  };
  await verifyToken(session.client, token, session.scrub);
  return session;
}

export function findZone(session: Session, name: string): Promise<CfZone | null> {
  let found = session.zones.get(name);
  if (!found) {
    found = session.client.findZone(name).catch((e: unknown) => {
      if (isPermissionError(e)) fail(missingPermission([PERMISSION.zoneRead], name, true));
      fail(toProviderError(e, { doing: `look up the zone ${name}`, scrub: session.scrub }));
    });
    session.zones.set(name, found);
  }
  return found;
}

export async function locate(session: Session, host: string, index: number): Promise<Located> {
  const given = session.input.zones?.[index];
  const split = zoneOf(host, given);
  const candidates = given && !split.zoneIgnored ? [split.zone] : zoneCandidates(host);
  for (const name of candidates) {
    const zone = await findZone(session, name);
    if (zone) return { host, zone, relativeName: nameInZone(host, zone.name) };
  }
  fail({
    code: "zone_not_found",
    message: `No Cloudflare zone for ${host} is visible to this token (looked for ${candidates.join(", ")}).`,
    action: `Add ${split.zone} to your Cloudflare account, or give the token access to it under Zone Resources in My Profile › API Tokens; if the zone is a delegated sub-zone, name it in the wizard. Then run apply again.`,
  });
}

/** Probe reads, so a missing permission is named before anything changes (docs/providers/cloudflare.md#token). */
export function checkZone(session: Session, zone: CfZone): Promise<ZoneCheck> {
  let check = session.checks.get(zone.id);
  if (!check) {
    check = (async () => {
      const { client } = session;
      const probes: [Permission, () => Promise<unknown>][] = [
        [PERMISSION.dnsEdit, () => client.listRecords(zone.id, {}, true)],
        [PERMISSION.configRulesEdit, () => client.configEntrypoint(zone.id)],
        [PERMISSION.sslEdit, () => client.certificatePacks(zone.id, true)],
      ];
      const missing: Permission[] = [];
      for (const [permission, probe] of probes) {
        try {
          await probe();
        } catch (e) {
          if (isPermissionError(e)) missing.push(permission);
          else fail(toProviderError(e, { doing: `read ${zone.name}`, zone: zone.name, scrub: session.scrub }));
        }
      }
      // Optional reads: shown as context, never required.
      const zoneSsl = await client.sslSetting(zone.id).catch(() => null);
      const pageRules = await client.pageRules(zone.id).catch(() => [] as CfPageRule[]);
      return { missing, zoneSsl, pageRules };
    })();
    session.checks.set(zone.id, check);
  }
  return check;
}

/** One zone's Configuration Rule writes: the batch waiting to start, and the end of the last one. */
export interface RuleWriter {
  next: RuleBatch | null;
  tail: Promise<void>;
}

export interface RuleBatch {
  hosts: string[];
  result: Promise<RuleWrite>;
}

export interface RuleWrite {
  /** The phase's rules as read before the write. */
  fresh: CfRuleset | null;
  /** As written, or null when no host of the batch needed a change. */
  written: CfRuleset | null;
}
