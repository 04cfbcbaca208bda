import type { ResolvedEsp } from "@/lib/domain/esp";
import type { KeycdnZone } from "./client";
import { LABELS, SETTING_LABEL } from "./labels";
import { HOST_CERTIFICATES, originUrl, settingWhy, ZONE_SETTINGS, type ZoneSettingKey } from "./settings";

/**
 * How an existing pull zone differs from the plan, in sentences people can act on (what is set, what breaks,
 * the fix): docs/providers/keycdn.md#zone-settings. A custom certificate is kept (it can name the host exactly);
 * only the shared one counts as a difference.
 */

/** Every option apply manages, as the plan wants it for this origin. */
export function desiredSettings(origin: string): Record<ZoneSettingKey, string> {
  const values = Object.fromEntries(Object.entries(ZONE_SETTINGS).map(([k, rule]) => [k, rule.value])) as Record<keyof typeof ZONE_SETTINGS, string>;
  return { ...values, originurl: originUrl(origin) };
}

/** The email provider a zone is for: its origin, and its name for the messages. */
export type Target = Pick<ResolvedEsp, "origin" | "name">;

function why(key: ZoneSettingKey, esp: Target): string {
  return key === "originurl" ? `clicks must reach ${esp.origin} over HTTPS` : settingWhy(key, esp.name);
}

export interface ZoneDifference {
  key: ZoneSettingKey;
  current: string;
  desired: string;
  text: string;
}

export function zoneDifferences(zone: KeycdnZone, esp: Target): ZoneDifference[] {
  const want = desiredSettings(esp.origin);
  return (Object.keys(want) as ZoneSettingKey[]).flatMap((key) => {
    const current = zone.settings[key];
    if (key === "sslcert" && (HOST_CERTIFICATES as readonly string[]).includes(current)) return [];
    if (current === want[key]) return [];
    const label = LABELS[SETTING_LABEL[key]].label;
    return [{ key, current, desired: want[key], text: `${label} is ${current === "" ? "unset" : `"${current}"`}: ${why(key, esp)}. Fix: ${want[key]} (${key}).` }];
  });
}

/** Not a difference but what the person must check: a custom certificate is kept as it is. */
export function customCertificateNote(zone: KeycdnZone, host: string): string[] {
  return zone.settings.sslcert === "custom" ? [`SSL is Custom SSL: apply keeps your certificate; make sure it names ${host} exactly.`] : [];
}
