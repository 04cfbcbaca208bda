"use server";

import { headers } from "next/headers";
import * as z from "zod";
import { endpointsFromEnv } from "@/lib/env";
import { checkHostnames, MAX_HOSTS } from "@/lib/hostnames";
import { CDN_IDS, REGIONS, type PlanInput } from "@/lib/plan/types";
import { SERVER_PROVIDERS } from "@/lib/providers/server";
import { takeProviderAction } from "@/lib/security/action-rate-limit";
import type { ApplyContext, ServerProvider } from "@/lib/providers/server-types";
import type { ApplyPreview, ApplyReport } from "@/lib/providers/types";

/**
 * Server actions that touch a CDN account. Every action is a public endpoint: it validates its whole
 * input here. Credentials arrive in the POST body, are used for this request and dropped: never
 * logged, stored or returned. Each call is rate-limited per client before anything is read or called.
 */

const request = z.object({
  cdn: z.enum(CDN_IDS),
  hosts: z.array(z.string().max(253)).min(1).max(MAX_HOSTS),
  region: z.enum(REGIONS),
  linkBrandingValidated: z.boolean().optional(),
  account: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sandbox") }),
    z.object({ kind: z.literal("credentials"), values: z.record(z.string().max(64), z.string().max(4096)) }),
  ]),
});

export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string> };

type Operation = "preview" | "apply" | "status";

async function run<T extends ApplyPreview | ApplyReport>(raw: unknown, operation: Operation): Promise<ActionResult<T>> {
  const take = takeProviderAction(await headers());
  if (!take.ok) return { ok: false, message: `Too many requests from this browser; try again in ${take.retryAfterSeconds} s.` };
  const parsed = request.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "The request was malformed; reload the page and try again." };
  const { cdn, region, account } = parsed.data;

  const { hosts, errors } = checkHostnames(parsed.data.hosts.map((token, i) => ({ token, line: i + 1 })));
  if (errors.length > 0 || hosts.length === 0) return { ok: false, message: "Go back to the hostnames step: some hostnames are not valid." };

  const provider = SERVER_PROVIDERS[cdn] as ServerProvider<unknown> | undefined;
  if (!provider) return { ok: false, message: "Apply is not available for this CDN yet: use the manual values." };

  let credentials: unknown;
  let ctx: ApplyContext;
  if (account.kind === "sandbox") {
    ({ credentials, ctx } = await provider.sandbox());
  } else {
    const creds = provider.credentialsSchema.safeParse(account.values);
    if (!creds.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of creds.error.issues) fieldErrors[String(issue.path[0] ?? "")] ??= issue.message;
      return { ok: false, message: "Check the highlighted credentials.", fieldErrors };
    }
    credentials = creds.data;
    ctx = { endpoints: endpointsFromEnv() };
  }

  const input: PlanInput = { hosts, region, linkBrandingValidated: parsed.data.linkBrandingValidated };
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
