import type { ConsoleControl } from "@/lib/domain/plan";

/**
 * KeyCDN dashboard labels, in the order the Add Zone / Edit Zone form shows them (the basic fields, then
 * "Show Advanced Features"; keycdn.com/support/zone-settings and /support/pull-zone-settings), then the
 * Zonealiases page. The seed has no KeyCDN section, so there are no seed labels. `control`: the dashboard
 * picks Enabled / Disabled from a list (select), not a checkbox.
 */
export const LABELS = {
  zoneName: { label: "Zone Name" },
  zoneStatus: { label: "Zone Status" },
  zoneType: { label: "Zone Type" },
  originUrl: { label: "Origin URL" },

  expire: { label: "Expire (in minutes)" },
  blockBadBots: { label: "Block Bad Bots", control: "select" },
  ssl: { label: "SSL" },
  forceSsl: { label: "Force SSL", control: "select" },
  http2: { label: "HTTP/2", control: "select" },
  maxExpire: { label: "Max Expire (in minutes)" },
  ignoreCacheControl: { label: "Ignore Cache Control", control: "select" },
  ignoreQueryString: { label: "Ignore Query String", control: "select" },
  forwardHostHeader: { label: "Forward Host Header", control: "select" },
  cacheCookies: { label: "Cache Cookies", control: "select" },

  aliasName: { label: "Zonealias" },
  aliasZone: { label: "Zone" },
} as const satisfies Record<string, { label: string; seed?: string; control?: ConsoleControl }>;

/** Dashboard wording for API values. */
export const OPTION: Record<string, string> = {
  active: "Active",
  pull: "Pull",
  letsencrypt: "Let's Encrypt",
  enabled: "Enabled",
  disabled: "Disabled",
};

/** The dashboard label of each zone option apply manages, for messages about an adopted zone. */
export const SETTING_LABEL = {
  status: "zoneStatus",
  type: "zoneType",
  originurl: "originUrl",
  sslcert: "ssl",
  http2: "http2",
  forcessl: "forceSsl",
  cachehostheader: "forwardHostHeader",
  cacheignorequerystring: "ignoreQueryString",
  cacheignorecachecontrol: "ignoreCacheControl",
  cachemaxexpire: "maxExpire",
  expire: "expire",
  blockbadbots: "blockBadBots",
  cachecookies: "cacheCookies",
} as const satisfies Record<string, keyof typeof LABELS>;
