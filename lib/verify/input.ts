import * as z from "zod";
import { checkHostname, normaliseHostname } from "@/lib/hostnames";
import { CDN_IDS } from "@/lib/domain/plan";
import { checkEspChoice, MAX_ESP_VALUE_LENGTH } from "@/lib/esps/choice";
import type { VerifyInput } from "./verify";
import { checkLink, MAX_LINK_LENGTH, quoted } from "@/lib/tracked-link";
import type { VerifyErrorBody } from "./types";

export { checkLink, MAX_LINK_LENGTH };

/**
 * The query of /api/verify (docs/contract.md#verification): `cdn`, `host` repeated, `target` (none, one for
 * every host, or one per host in host order), `link` (a tracked link's path and query, or a URL on one of
 * the hosts; none, one, or one per host), optional `phase` and `region`. Errors name the field.
 */

export const MAX_VERIFY_HOSTS = 50;
const MAX_NAME_INPUT = 300;

type Field = NonNullable<VerifyErrorBody["error"]["field"]>;
export type ParsedQuery = { ok: true; input: VerifyInput } | { ok: false; field: Field; message: string };

const schema = z.object({
  cdn: z.enum(CDN_IDS, { error: `cdn must be one of ${CDN_IDS.join(", ")}.` }),
  host: z
    .array(z.string().max(MAX_NAME_INPUT, { error: `a host has at most ${MAX_NAME_INPUT} characters.` }))
    .min(1, { error: "give at least one host." })
    .max(MAX_VERIFY_HOSTS, { error: `give at most ${MAX_VERIFY_HOSTS} hosts per verification.` }),
  target: z.array(z.string().max(MAX_NAME_INPUT, { error: `a target has at most ${MAX_NAME_INPUT} characters.` })).max(MAX_VERIFY_HOSTS, { error: "one target per host at most." }),
  link: z.array(z.string().max(MAX_LINK_LENGTH, { error: `a link has at most ${MAX_LINK_LENGTH} characters.` })).max(MAX_VERIFY_HOSTS, { error: "one link per host at most." }),
  phase: z.enum(["before", "after", "auto"], { error: "phase must be before, after or auto." }).optional(),
  esp: z.string().max(MAX_ESP_VALUE_LENGTH).optional(),
  region: z.string().max(MAX_ESP_VALUE_LENGTH).optional(),
  tenant: z.string().max(MAX_ESP_VALUE_LENGTH).optional(),
});

/** A CDN address: a hostname (a registrable domain is fine too), never an IP literal. */
export function checkTarget(raw: string): { ok: true; host: string } | { ok: false; message: string } {
  const direct = checkHostname(raw);
  if (direct.ok) return { ok: true, host: direct.host };
  // checkHostname wants a name below a registrable domain; a CDN address may be a registrable domain itself.
  const below = checkHostname(`x.${raw.trim()}`);
  if (below.ok) return { ok: true, host: normaliseHostname(raw) };
  return { ok: false, message: direct.message };
}

/** 0 entries, 1 for every host, or exactly one per host. */
function align(values: string[], count: number, field: Field): { ok: true; values: (string | null)[] } | { ok: false; field: Field; message: string } {
  if (values.length === 0) return { ok: true, values: new Array<string | null>(count).fill(null) };
  if (values.length === 1) return { ok: true, values: new Array<string | null>(count).fill(values[0]!.trim() || null) };
  if (values.length !== count) {
    return { ok: false, field, message: `give one ${field} for every host, or one per host in host order (${count} hosts, ${values.length} ${field}s).` };
  }
  return { ok: true, values: values.map((v) => v.trim() || null) };
}

export function parseVerifyQuery(params: URLSearchParams): ParsedQuery {
  const parsed = schema.safeParse({
    cdn: params.get("cdn") ?? undefined,
    host: params.getAll("host"),
    target: params.getAll("target"),
    link: params.getAll("link"),
    phase: params.get("phase") ?? undefined,
    esp: params.get("esp") ?? undefined,
    region: params.get("region") ?? undefined,
    tenant: params.get("tenant") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path[0] as Field, message: issue.message };
  }
  const q = parsed.data;
  const espCheck = checkEspChoice({ esp: q.esp?.trim().toLowerCase(), region: q.region?.trim().toLowerCase(), tenant: q.tenant?.trim().toLowerCase() });
  if (!espCheck.choice) return { ok: false, field: espCheck.errors[0]!.field, message: espCheck.errors[0]!.message };
  const email = espCheck.choice;

  const checked: string[] = [];
  for (const [i, raw] of q.host.entries()) {
    const r = checkHostname(raw);
    if (!r.ok) return { ok: false, field: "host", message: `host ${i + 1} ${quoted(raw)} ${r.message}` };
    checked.push(r.host);
  }
  const targets = align(q.target, checked.length, "target");
  if (!targets.ok) return targets;
  const links = align(q.link, checked.length, "link");
  if (!links.ok) return links;

  // Duplicates are dropped (docs/contract.md#verification), keeping the first host's target and link.
  const hosts: string[] = [];
  const hostTargets: (string | null)[] = [];
  const hostLinks: (string | null)[] = [];
  for (const [i, host] of checked.entries()) {
    if (hosts.includes(host)) continue;
    const rawTarget = targets.values[i] ?? null;
    let target: string | null = null;
    if (rawTarget !== null) {
      const t = checkTarget(rawTarget);
      if (!t.ok) return { ok: false, field: "target", message: `target ${quoted(rawTarget)} ${t.message}` };
      if (t.host === host) return { ok: false, field: "target", message: `target ${quoted(rawTarget)} is the link host itself; give the CDN's address.` };
      target = t.host;
    }
    const rawLink = links.values[i] ?? null;
    let link: string | null = null;
    if (rawLink !== null) {
      const l = checkLink(rawLink, checked);
      if (!l.ok) return { ok: false, field: "link", message: `link ${quoted(rawLink)} ${l.message}` };
      link = l.path;
    }
    hosts.push(host);
    hostTargets.push(target);
    hostLinks.push(link);
  }

  return { ok: true, input: { cdn: q.cdn, hosts, targets: hostTargets, links: hostLinks, phase: q.phase ?? "auto", esp: email.esp, region: email.region, tenant: email.tenant } };
}
