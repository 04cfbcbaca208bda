import type { EspChoice, EspModule, ResolvedEsp } from "@/lib/domain/esp";
import { ESP_IDS, GUIDE_ESP_IDS, type EspId, type GuideEspId } from "@/lib/domain/ids";
import { regionMessage, tenantMessage } from "./messages";
import { defaultRegion } from "./regions";
import { DEFAULT_ESP, espModule, GUIDE_ESP_MODULES } from "./registry";

/**
 * The ESP choice in the URL and the actions (`esp`, `region`, `tenant`; docs/contract.md#email-providers):
 * validated against the ESP's esp, and resolved into the values a plan uses.
 */

export interface EspFieldError {
  field: "esp" | "region" | "tenant";
  message: string;
}

export function isEspId(value: string): value is EspId {
  return (ESP_IDS as readonly string[]).includes(value);
}

export function isGuideEspId(value: string): value is GuideEspId {
  return (GUIDE_ESP_IDS as readonly string[]).includes(value);
}

/** The region ids a esp accepts: its listed ones, or any its pattern matches. */
export function regionAllowed(esp: EspModule, region: string): boolean {
  return esp.regions.some((r) => r.id === region) || (esp.regionPattern?.test(region) ?? false);
}

/**
 * Checks raw values (already trimmed and lower-cased, "" or undefined when absent). Without `esp`, SendGrid; without
 * `region`, the ESP's first region. An ESP the wizard only gives guidance for is an error too (there is no plan to
 * build for it), with `guide` set so the wizard can show that guidance instead.
 */
export function checkEspChoice(raw: { esp?: string; region?: string; tenant?: string }): { choice?: EspChoice; errors: EspFieldError[]; guide?: GuideEspId } {
  const errors: EspFieldError[] = [];
  const espText = raw.esp || DEFAULT_ESP;
  if (isGuideEspId(espText)) {
    const name = GUIDE_ESP_MODULES[espText].name;
    return { errors: [{ field: "esp", message: `${name} gets guidance only, not a CDN plan: too little of what a plan needs is published. Open /setup?esp=${espText} to read it.` }], guide: espText };
  }
  if (!isEspId(espText)) {
    errors.push({ field: "esp", message: `esp must be one of: ${ESP_IDS.join(", ")}.` });
    return { errors };
  }
  const esp = espModule(espText);
  const region = raw.region || esp.regions[0]!.id;
  if (!regionAllowed(esp, region)) {
    errors.push({ field: "region", message: regionMessage(esp.name, esp.regionHint) });
  }
  let tenant: string | undefined;
  if (raw.tenant) {
    if (!esp.tenant) errors.push({ field: "tenant", message: `tenant applies only to ${enterpriseNames()}, not ${esp.name}; leave it out.` });
    else if (!esp.tenant.pattern.test(raw.tenant)) errors.push({ field: "tenant", message: tenantMessage(esp.tenant.hint) });
    else tenant = raw.tenant;
  }
  return errors.length > 0 ? { errors } : { choice: { esp: espText, region, tenant }, errors };
}

/** The names of the ESPs that take an Enterprise tenant, for messages (no ESP named outside its folder). */
function enterpriseNames(): string {
  return ESP_IDS.map((id) => espModule(id)).filter((m) => m.tenant).map((m) => `${m.name} Enterprise`).join(" or ");
}

/** The values a plan for this choice uses. The choice must have passed checkEspChoice. */
export function resolveEsp(choice: { esp?: EspId; region: string; tenant?: string }): ResolvedEsp {
  const esp = espModule(choice.esp);
  if (!regionAllowed(esp, choice.region)) throw new Error(`region ${choice.region} is not one of ${esp.name}'s`);
  const origin = choice.tenant && esp.tenant ? esp.tenant.origin(choice.tenant) : esp.origin(choice.region);
  return {
    esp: esp.id,
    region: choice.region,
    tenant: choice.tenant,
    name: esp.name,
    origin,
    rules: esp.rules,
    order: esp.order,
    probe: esp.probe(choice.region),
    exampleTrackedPath: esp.exampleTrackedPath,
    trackingRecord: esp.trackingRecord,
    keepRecords: esp.keepRecords,
    managedHttps: esp.managedHttps,
  };
}

export { defaultRegion };

/** The longest region or tenant value worth checking (AWS codes are ~15 characters, DNS labels 63). */
export const MAX_ESP_VALUE_LENGTH = 63;
