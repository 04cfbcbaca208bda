import "server-only";
import type { CdnId } from "@/lib/domain/plan";
import { CDN_ADDRESSES } from "@/lib/providers/addresses";
import { describeRecord } from "./refusals";
import { sameContent } from "./records";
import { DNS_HOST_FACTS } from "./registry";
import type { Checks, Connection } from "./switch";
import { askAuthoritative, verifyBeforeSwitch, type LockInput } from "./verification";

/** The lock of a real switch: the verifier, for that host, at this moment. */
export function realLock(input: Omit<LockInput, "host" | "target">): Checks["lock"] {
  return (host, target) => verifyBeforeSwitch({ ...input, host, target });
}

/** After a real write: the zone's own name servers. */
export const realAuthoritative: Checks["authoritative"] = (host, written) => askAuthoritative(host, written);

const SIMULATED = "Simulated (sandbox)";

/**
 * The sandbox's checks, marked simulated: the sandbox has no CDN to connect to and its DNS host no name servers, so
 * the lock only checks that the target has the shape of the chosen CDN's address, and "the authoritative answer" is
 * the record read back from the sandbox's DNS host. A real account is never judged this way.
 */
export function simulatedLock(cdn: CdnId): Checks["lock"] {
  const address = CDN_ADDRESSES[cdn];
  return async (host, target) => {
    const ready = address.isAddressFor(target, host);
    return {
      ready,
      simulated: true,
      readiness: ready
        ? `${SIMULATED}: ${target} is ${address.kind(host)}; a real switch is refused unless the CDN answers ${host} correctly at that moment.`
        : `Not ready: ${SIMULATED.toLowerCase()}: ${target} is not ${address.kind(host)}.`,
    };
  };
}

export function simulatedAuthoritative(c: Connection): Checks["authoritative"] {
  return async (host, written) => {
    const read = await c.server.read(c.credentials, host, c.ctx);
    const info = DNS_HOST_FACTS[c.id].info;
    return {
      seen: read.ok ? describeRecord(read.record, info) : read.error.message,
      matches: read.ok && sameContent({ ...read.record, modifiedOn: undefined }, { ...written, modifiedOn: undefined }),
      servers: [`${SIMULATED}: read back from the sandbox's ${info.name}; no name server was asked`],
      simulated: true,
    };
  };
}
