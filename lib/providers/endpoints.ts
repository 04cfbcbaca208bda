import { CDN_FACTS, CDN_IDS, type CdnId } from "./registry";

type Spec = (typeof CDN_FACTS)[CdnId]["endpoints"][number];

/** Every API base URL apply uses, from the CDN modules, in CDN order. */
export const ENDPOINT_SPECS: readonly { key: Spec["key"]; env: Spec["env"]; default?: string }[] = CDN_IDS.flatMap((cdn): readonly Spec[] => CDN_FACTS[cdn].endpoints);

/** The environment variables that override them. */
export type EndpointEnvVar = Spec["env"];

/** Base URLs the provider clients use, by key: a URL always where there is a default, else only when overridden. */
export type Endpoints = { [S in Extract<Spec, { default: string }> as S["key"]]: string } & {
  [S in Exclude<Spec, { default: string }> as S["key"]]?: string;
};
