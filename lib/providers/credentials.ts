import type * as z from "zod/mini";
import type { CdnId } from "@/lib/plan/types";
import { cloudfrontCredentials } from "./cloudfront/schema";

/** Credential schemas by CDN: small (zod/mini), shared by the credential form and the server actions. */
export const CREDENTIAL_SCHEMAS: Partial<Record<CdnId, z.ZodMiniType<Record<string, string | undefined>>>> = {
  cloudfront: cloudfrontCredentials,
};
