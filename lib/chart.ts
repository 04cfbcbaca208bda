import type { RecognisedRecord } from "@/lib/domain/esp";
import { DEFAULT_ESP, ESP_IDS, type EspId } from "@/lib/domain/ids";
import { defaultRegion } from "@/lib/esps/choice";
import { looksLikeRecords } from "@/lib/esps/paste";
import { choiceWords, recogniseEspPastes } from "@/lib/esps/recognise";
import { espModule } from "@/lib/esps/registry";
import { checkHostnames, tokenise, type HostnameList, type HostRule } from "@/lib/hostnames";

/**
 * What people paste into the hostnames field: plain hostnames, or an email provider's records as it shows them (its
 * record chart or API response). Every ESP module's recogniser is asked (lib/esps/<esp>/recognise.ts); the one whose
 * records these are picks out the tracking hosts, and the ESP, region or tenant are taken from the paste
 * (docs/esps.md#pasted-records). Server only (the hosts are checked against the public-suffix list).
 */

export interface RecognisedRecords {
  esp: EspId;
  espName: string;
  records: RecognisedRecord[];
  /** The region the records point at, when they say; else the chosen one (the ESP's default if the paste changed ESP). */
  region: string;
  tenant?: string;
  /** The paste shows the ESP already serving HTTPS itself: no CDN is needed. */
  managedHttps: boolean;
  notes: string[];
  /** Set when these are another ESP's records than the one chosen in step 1: the plan moves to the paste's ESP. */
  changedEsp?: string;
}

export interface ParsedHostnames extends HostnameList {
  /** Present when the text was an ESP's records. */
  paste?: RecognisedRecords;
}

const espNames = () => ESP_IDS.map((id) => espModule(id).name).join(", ");

/** `rule` is the chosen CDN's own host limit; `chosen` the ESP (and region) of step 1. */
export function parseHostnamesInput(text: string, rule?: HostRule, chosen: { esp?: EspId; region?: string } = {}): ParsedHostnames {
  const pastes = recogniseEspPastes(text);
  if (pastes.length === 0) {
    if (!looksLikeRecords(text)) return checkHostnames(tokenise(text), rule);
    return {
      hosts: [],
      errors: [
        {
          line: 0,
          input: "",
          message: `This looks like a record chart or an API response, but none of its records is a tracking record of ${espNames()}. Paste the rows as your email provider shows them, or just the link hostnames.`,
        },
      ],
    };
  }
  if (pastes.length > 1) {
    const names = pastes.map((p) => espModule(p.esp).name).join(" and ");
    return { hosts: [], errors: [{ line: 0, input: "", message: `The paste holds records of ${names}: one plan covers one email provider. Paste one provider's records at a time.` }] };
  }

  const paste = pastes[0]!;
  const chosenEsp = chosen.esp ?? DEFAULT_ESP;
  const sameEsp = paste.esp === chosenEsp;
  const lineOf = (host: string) => paste.records.find((r) => r.host === host)?.line ?? 0;
  const { hosts, errors } = checkHostnames(
    paste.hosts.map((host) => ({ token: host, line: lineOf(host) })),
    rule,
  );
  if (paste.problem) errors.push({ line: 0, input: "", message: paste.problem });

  const region = paste.region ?? (sameEsp && chosen.region ? chosen.region : defaultRegion(paste.esp));
  const name = espModule(paste.esp).name;
  const changedEsp = sameEsp
    ? undefined
    : `These are ${name}'s records, not ${espModule(chosenEsp).name}'s as chosen in step 1: the plan will use ${name}, ${choiceWords(paste.esp, region, paste.tenant)}.`;
  return {
    hosts,
    errors,
    paste: { esp: paste.esp, espName: name, records: paste.records, region, tenant: paste.tenant, managedHttps: paste.managedHttps, notes: paste.notes, changedEsp },
  };
}
