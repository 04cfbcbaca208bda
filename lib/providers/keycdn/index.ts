import type { CdnProvider } from "@/lib/providers/types";
import { keycdnInfo } from "./info";
import { plan } from "./plan";

export const keycdn: CdnProvider = { ...keycdnInfo, plan };
