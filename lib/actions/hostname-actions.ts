"use server";

import * as z from "zod";
import { parseHostnamesInput, type RecognisedRecords } from "@/lib/chart";
import { ESP_IDS } from "@/lib/domain/ids";
import { regionAllowed } from "@/lib/esps/choice";
import { espModule } from "@/lib/esps/registry";
import { describeErrors } from "@/lib/hostnames";
import { CDN_IDS, type CdnId } from "@/lib/domain/plan";
import { hostRuleFor } from "@/lib/providers/host-rules";
import limits from "@/lib/security/limits.json";

/** About 400 lines of a record chart: far more than 100 hosts need, and inside the server-action body limit. */
const MAX_INPUT = limits.hostnamesInputChars;

export interface ParsedHostnamesResult {
  hosts: string[];
  /** Field-level message naming each bad line; absent when everything is usable. */
  error?: string;
  /** The email provider's records, when the text was a chart or an API response (lib/chart.ts). */
  paste?: RecognisedRecords;
}

/**
 * Validates the hostnames field on the server, where the public-suffix list lives, with the chosen CDN's
 * own limits and the ESP chosen in step 1 (unknown values are ignored: the steps that set them check them).
 */
export async function parseHostnamesAction(text: unknown, cdn?: unknown, esp?: unknown, region?: unknown): Promise<ParsedHostnamesResult> {
  const parsed = z.string().max(MAX_INPUT).safeParse(text);
  if (!parsed.success) return { hosts: [], error: `Paste at most ${MAX_INPUT.toLocaleString("en")} characters.` };
  if (parsed.data.trim() === "") return { hosts: [], error: "Enter at least one link-branding hostname, e.g. ablink.news.example.com." };
  const chosenCdn: CdnId | undefined = z.enum(CDN_IDS).safeParse(cdn).data;
  const chosenEsp = z.enum(ESP_IDS).safeParse(esp).data;
  const chosenRegion = z.string().max(63).safeParse(region).data;
  const validRegion = chosenEsp && chosenRegion && regionAllowed(espModule(chosenEsp), chosenRegion) ? chosenRegion : undefined;
  const result = parseHostnamesInput(parsed.data, hostRuleFor(chosenCdn), { esp: chosenEsp, region: validRegion });
  return {
    hosts: result.hosts,
    error: result.errors.length > 0 ? describeErrors(result.errors) : undefined,
    paste: result.paste,
  };
}
