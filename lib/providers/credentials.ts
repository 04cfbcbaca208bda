import type * as z from "zod/mini";
import type { CdnId } from "@/lib/plan/types";
import { cloudflareCredentials } from "./cloudflare/schema";
import { cloudfrontCredentials } from "./cloudfront/schema";
import { fastlyCredentials } from "./fastly/schema";
import { keycdnCredentials } from "./keycdn/schema";

/** Credential schemas by CDN: small (zod/mini), shared by the credential form and the server actions. */
export const CREDENTIAL_SCHEMAS: Record<CdnId, z.ZodMiniType<Record<string, string | undefined>>> = {
  cloudfront: cloudfrontCredentials,
  cloudflare: cloudflareCredentials,
  fastly: fastlyCredentials,
  keycdn: keycdnCredentials,
};
