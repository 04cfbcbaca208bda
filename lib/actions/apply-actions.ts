"use server";

import { headers } from "next/headers";
import * as z from "zod";
import { endpointsFromEnv } from "@/lib/env";
import { checkHostnames, MAX_HOSTS } from "@/lib/hostnames";
import { CDN_IDS, type CdnId, type PlanInput } from "@/lib/domain/plan";
import { ESP_IDS } from "@/lib/domain/ids";
import { checkEspChoice, MAX_ESP_VALUE_LENGTH } from "@/lib/esps/choice";
import { hostRuleFor } from "@/lib/providers/host-rules";
import { isUndoable, MAX_RESOURCES_PER_HOST, RESOURCE_KINDS } from "@/lib/providers/resource-kinds";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { sandboxAccount } from "@/lib/sandbox/accounts";
import { SandboxLimitError } from "@/lib/sandbox/visitor-accounts";
import { accountSchema, fieldErrorsOf, MALFORMED, sandboxVisitor, type Account, type ActionResult } from "./action-input";
import { takeProviderAction } from "@/lib/security/action-rate-limit";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import type { ApplyPreview, ApplyReport, UndoReport, UndoTarget } from "@/lib/providers/types";

/**
 * Server actions that touch a CDN account. Every action is a public endpoint: it validates its whole
 * input here. Credentials arrive in the POST body, are used for this request and dropped: never
 * logged, stored or returned. Each call is rate-limited per client before anything is read or called.
 */

const request = z.object({
  cdn: z.enum(CDN_IDS),
  hosts: z.array(z.string().max(253)).min(1).max(MAX_HOSTS),
  esp: z.enum(ESP_IDS).optional(),
  region: z.string().max(MAX_ESP_VALUE_LENGTH),
  tenant: z.string().max(MAX_ESP_VALUE_LENGTH).optional(),
  linkBrandingValidated: z.boolean().optional(),
  zones: z.array(z.string().max(253).regex(/^[a-z0-9.-]*$/).optional().nullable()).max(MAX_HOSTS).optional(),
  ownerRecords: z.array(z.string().max(253).regex(/^\d+\.[a-z0-9.-]+$/)).max(MAX_HOSTS).optional(),
  account: accountSchema,
}).superRefine((value, ctx) => {
  for (const e of checkEspChoice(value).errors) ctx.addIssue({ code: "custom", path: [e.field], message: e.message });
});

/**
 * Undo: the resources an apply run reported as created. Provider ids are ARNs, hex or base-62 ids and
 * numbers: letters, digits and `.:/@+=_-` only; the longest is an ACM ARN (~90 characters).
 */
const undoRequest = z.strictObject({
  cdn: z.enum(CDN_IDS),
  account: accountSchema,
  resources: z
    .array(
      z.strictObject({
        kind: z.enum(RESOURCE_KINDS),
        id: z.string().min(1).max(256).regex(/^[\w.:/@+=-]+$/),
        host: z.string().min(1).max(253),
      }),
    )
    .min(1)
    .max(MAX_HOSTS * MAX_RESOURCES_PER_HOST),
});

export type { ActionResult };

type Operation = "preview" | "apply" | "status";

type Connected = { ok: true; provider: ServerProvider<unknown>; credentials: unknown; ctx: ApplyContext };

/**
 * The provider, and credentials checked by its schema (or the visitor's sandbox account, which `hosts` then
 * count against). Credentials stay in this request.
 */
async function connect(cdn: CdnId, account: Account, hosts: readonly string[]): Promise<Connected | { ok: false; message: string; fieldErrors?: Record<string, string> }> {
  const provider = SERVER_PROVIDERS[cdn] as ServerProvider<unknown> | undefined;
  if (!provider) return { ok: false, message: "Apply is not available for this CDN yet: use the manual values." };
  if (account.kind === "sandbox") {
    try {
      return { ok: true, provider, ...(await sandboxAccount(cdn, await sandboxVisitor(), hosts)) };
    } catch (error) {
      if (error instanceof SandboxLimitError) return { ok: false, message: error.message };
      return { ok: false, message: "The sandbox could not start on this server. Use the manual values, or try again in a minute." };
    }
  }
  const creds = provider.credentialsSchema.safeParse(account.values);
  if (!creds.success) {
    return { ok: false, message: "Check the highlighted credentials.", fieldErrors: fieldErrorsOf(creds.error.issues) };
  }
  return { ok: true, provider, credentials: creds.data, ctx: { endpoints: endpointsFromEnv() } };
}

async function run<T extends ApplyPreview | ApplyReport>(raw: unknown, operation: Operation): Promise<ActionResult<T>> {
  const take = await takeProviderAction(await headers());
  if (!take.ok) return { ok: false, message: `Too many requests from this browser; try again in ${take.retryAfterSeconds} s.` };
  const parsed = request.safeParse(raw);
  if (!parsed.success) return { ok: false, message: MALFORMED };
  const { cdn, region, account } = parsed.data;

  const { hosts, errors } = checkHostnames(
    parsed.data.hosts.map((token, i) => ({ token, line: i + 1 })),
    hostRuleFor(cdn),
  );
  if (errors.length > 0 || hosts.length === 0) return { ok: false, message: "Go back to the hostnames step: some hostnames are not valid." };

  const connected = await connect(cdn, account, hosts);
  if (!connected.ok) return connected;
  const { provider, credentials, ctx } = connected;

  const input: PlanInput = {
    hosts,
    esp: parsed.data.esp,
    region,
    tenant: parsed.data.tenant,
    linkBrandingValidated: parsed.data.linkBrandingValidated,
    zones: parsed.data.zones?.map((z) => z ?? undefined),
    ownerRecords: parsed.data.ownerRecords,
  };
  try {
    const data = await provider[operation](credentials, input, ctx);
    return { ok: true, data: data as T };
  } catch (error) {
    // Providers translate their own errors per host; reaching here is a bug or an outage. Log the kind only:
    // the error may echo request details.
    console.error(`apply action ${operation} for ${cdn} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, message: "The CDN's API could not be reached or answered unexpectedly. Nothing else was changed; try again in a minute." };
  }
}

export async function previewAction(raw: unknown): Promise<ActionResult<ApplyPreview>> {
  return run<ApplyPreview>(raw, "preview");
}

export async function applyAction(raw: unknown): Promise<ActionResult<ApplyReport>> {
  return run<ApplyReport>(raw, "apply");
}

export async function statusAction(raw: unknown): Promise<ActionResult<ApplyReport>> {
  return run<ApplyReport>(raw, "status");
}

/**
 * Removes what an apply run created. The list comes from the browser and is not trusted: every entry must
 * be a kind undo removes for this CDN and name a valid hostname, and the provider checks on the account
 * that each resource carries apply's marker before it removes anything.
 */
export async function undoAction(raw: unknown): Promise<ActionResult<UndoReport>> {
  const take = await takeProviderAction(await headers());
  if (!take.ok) return { ok: false, message: `Too many requests from this browser; try again in ${take.retryAfterSeconds} s.` };
  const parsed = undoRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, message: MALFORMED };
  const { cdn, account } = parsed.data;

  const targets: UndoTarget[] = [];
  for (const r of parsed.data.resources) {
    const { hosts, errors } = checkHostnames([{ token: r.host, line: 1 }]);
    if (errors.length > 0 || hosts.length !== 1 || hosts[0] !== r.host) return { ok: false, message: MALFORMED };
    if (!isUndoable(cdn, r.kind)) return { ok: false, message: MALFORMED };
    targets.push({ kind: r.kind, id: r.id, host: r.host });
  }

  // Undo counts no new hosts against a sandbox account: it only removes.
  const connected = await connect(cdn, account, []);
  if (!connected.ok) return connected;
  const { provider, credentials, ctx } = connected;
  try {
    return { ok: true, data: await provider.undo(credentials, targets, ctx) };
  } catch (error) {
    // Providers translate their own errors per resource; reaching here is a bug or an outage. Log the kind only.
    console.error(`undo action for ${cdn} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, message: "The CDN's API could not be reached or answered unexpectedly. Try undo again in a minute." };
  }
}
