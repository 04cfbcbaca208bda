import type { EspChoice, TrackingNameOwner } from "@/lib/domain/esp";
import { ESP_IDS, type EspId } from "@/lib/domain/ids";
import { choiceWords } from "./recognise";
import { espModule } from "./registry";

/**
 * Whose tracking name a DNS name is, across every ESP (each module's `readTrackingName`): what the verifier's DNS check
 * and certificate words use to tell "the chosen ESP's origin" from another region's or another ESP's.
 */

export interface TrackingNameOf extends TrackingNameOwner {
  esp: EspId;
}

export function trackingNameOwner(name: string): TrackingNameOf | null {
  for (const esp of ESP_IDS) {
    const owner = espModule(esp).readTrackingName(name);
    if (owner) return { ...owner, esp };
  }
  return null;
}

/** The name, or the name a one-label wildcard names (`*.sendgrid.net` → sendgrid.net), as an ESP's tracking name. */
export function certificateNameOwner(name: string): TrackingNameOf | null {
  return trackingNameOwner(name.startsWith("*.") ? name.slice(2) : name);
}

/** True when the owner is the chosen ESP in the chosen region or tenant (a name with no region fits any region). */
export function fitsChoice(owner: TrackingNameOf, choice: EspChoice): boolean {
  if (owner.esp !== choice.esp) return false;
  if (owner.tenant !== undefined || choice.tenant !== undefined) return owner.tenant === choice.tenant;
  return owner.region === undefined || owner.region === choice.region;
}

/** "SendGrid's name for EU regional (eu.sendgrid.net)", "Amazon SES's name for eu-west-1 (r.eu-west-1.awstrack.me)". */
export function ownerWords(owner: TrackingNameOf): string {
  const m = espModule(owner.esp);
  return `${m.name}'s name for ${choiceWords(owner.esp, owner.region ?? m.regions[0]!.id, owner.tenant)}`;
}
