"use server";

import * as z from "zod";
import { parseHostnamesInput, type ChartRecord } from "@/lib/chart";
import { describeErrors } from "@/lib/hostnames";
import { CDN_IDS, type CdnId, type Region } from "@/lib/plan/types";
import { hostRuleFor } from "@/lib/providers/host-rules";
import limits from "@/lib/security/limits.json";

/** About 400 lines of a record chart: far more than 100 hosts need, and inside the server-action body limit. */
const MAX_INPUT = limits.hostnamesInputChars;

export interface ParsedHostnamesResult {
  hosts: string[];
  /** Field-level message naming each bad line; absent when everything is usable. */
  error?: string;
  chart?: { records: ChartRecord[]; region?: Region; autoSsl: boolean };
}

/**
 * Validates the hostnames field on the server, where the public-suffix list lives, with the chosen CDN's
 * own limits (an unknown CDN is ignored: the CDN step checks it).
 */
export async function parseHostnamesAction(text: unknown, cdn?: unknown): Promise<ParsedHostnamesResult> {
  const parsed = z.string().max(MAX_INPUT).safeParse(text);
  if (!parsed.success) return { hosts: [], error: `Paste at most ${MAX_INPUT.toLocaleString("en")} characters.` };
  if (parsed.data.trim() === "") return { hosts: [], error: "Enter at least one link-branding hostname, e.g. ablink.news.example.com." };
  const chosen: CdnId | undefined = z.enum(CDN_IDS).safeParse(cdn).data;
  const result = parseHostnamesInput(parsed.data, hostRuleFor(chosen));
  return {
    hosts: result.hosts,
    error: result.errors.length > 0 ? describeErrors(result.errors) : undefined,
    chart: result.chart,
  };
}
