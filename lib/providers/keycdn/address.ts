import type { CdnAddress } from "@/lib/providers/types";
import { parseZoneUrl } from "./settings";

/** A pull zone's Zone URL, `<zone name>-<user id in hex>.kxcdn.com` (docs/providers/cdn-addresses.md#keycdn). */
export const keycdnAddress: CdnAddress = {
  hint: "the pull zone's Zone URL (<zone>-<id>.kxcdn.com)",
  kind: () => "a KeyCDN Zone URL (<zone>-<id>.kxcdn.com)",
  isAddressFor: (name) => parseZoneUrl(name) !== null,
  proxiesInPlace: false,
};
