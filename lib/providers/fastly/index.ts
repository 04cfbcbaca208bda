import type { CdnProvider } from "@/lib/providers/types";
import { terraformExport } from "./export";
import { fastlyInfo } from "./info";
import { plan } from "./plan";

export const fastly: CdnProvider = { ...fastlyInfo, plan, exports: { terraform: terraformExport } };
