import type { CdnProvider } from "@/lib/providers/types";
import { terraformExport } from "./export";
import { cloudflareInfo } from "./info";
import { plan } from "./plan";

export const cloudflare: CdnProvider = { ...cloudflareInfo, plan, exports: { terraform: terraformExport } };
