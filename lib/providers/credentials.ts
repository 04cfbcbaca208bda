import type * as z from "zod/mini";
import { credentialSchema } from "./credential-schema";
import type { CdnId } from "./ids";
import { perCdn } from "./registry";

/** Credential schemas by CDN, derived from each CDN's description: small (zod/mini), shared by the credential form and the server actions. */
export const CREDENTIAL_SCHEMAS: Record<CdnId, z.ZodMiniType<Record<string, string | undefined>>> = perCdn((facts) => credentialSchema(facts.credentials));
