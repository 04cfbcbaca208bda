import { credentialFields } from "@/lib/providers/credential-fields";
import type { ProviderInfo } from "@/lib/providers/types";
import { fastlyCredentials } from "./credentials";

export const fastlyInfo: ProviderInfo = {
  id: "fastly",
  name: "Fastly",
  needs: "A Fastly account with TLS subscriptions, and access to your DNS host for two CNAMEs.",
  available: true,
  credentialFields: credentialFields(fastlyCredentials),
  permissions: ["Token scope: global", "Not limited to specific services (apply creates one service per hostname)"],
};
