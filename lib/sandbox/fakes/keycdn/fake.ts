import "server-only";
import type { StatefulFake } from "@/lib/sandbox/fake-state";
import type { FakeRequest, FakeResponse } from "@/lib/sandbox/http-fake";

/**
 * A wire-faithful fake of the KeyCDN zone and zone-alias API (docs/providers/keycdn.md#api-basics, keycdn.com/api), for
 * tests and the in-app sandbox: HTTP Basic with the key as user, form-encoded bodies, the envelope
 * `{status, description, data}`, string values, X-Rate-Limit-* headers. New zones start with the
 * defaults clients and test data show (Ignore Query String and Ignore Cache Control on, 1440-minute max
 * expire, shared certificate; **unverified**), so an apply that leaves an option unset is caught.
 * Zones and aliases can be deleted (DELETE /zones/{id}.json, /zonealiases/{id}.json).
 * Error descriptions are modelled, not recorded (**unverified**). It imports nothing from settings.ts:
 * it models the API, so a wrong value in the provider's own code fails against it.
 */

export const KEYCDN_SANDBOX_KEY = "sk_sandbox_keycdn_00000000000000";

export interface KeycdnFakeOptions {
  /** Valid API keys. Default: the sandbox key. */
  keys?: string[];
  /** The account's user id; zone URLs are <zone>-<id in hex>.kxcdn.com. */
  userId?: number;
  maxZones?: number;
  /** Hostnames that are aliases in another account: adding one fails. */
  foreignAliases?: string[];
}

export type FakeZone = Record<string, string> & { id: string; name: string };
export interface FakeAlias {
  id: string;
  zone_id: string;
  name: string;
}

const FLAGS = [
  "forcedownload",
  "cors",
  "gzip",
  "imgproc",
  "blockbadbots",
  "allowemptyreferrer",
  "blockreferrer",
  "securetoken",
  "forcessl",
  "originshield",
  "http2",
  "cacheignorecachecontrol",
  "cacheignorequerystring",
  "cachehostheader",
  "cachekeyscheme",
  "cachekeyhost",
  "cachekeydevice",
  "cachekeywebp",
  "cachebr",
  "cachecookies",
  "cachestripcookies",
  "cachecanonical",
  "cacherobots",
  "cacheerrorpages",
  "dirlist",
];

const NEW_ZONE: Record<string, string> = {
  status: "active",
  type: "pull",
  originurl: "",
  forcedownload: "disabled",
  cors: "disabled",
  gzip: "disabled",
  imgproc: "disabled",
  expire: "0",
  blockbadbots: "disabled",
  allowemptyreferrer: "enabled",
  blockreferrer: "disabled",
  securetoken: "disabled",
  sslcert: "shared",
  forcessl: "disabled",
  originshield: "disabled",
  http2: "disabled",
  cachemaxexpire: "1440",
  cacheignorecachecontrol: "enabled",
  cacheignorequerystring: "enabled",
  cachehostheader: "disabled",
  cachekeyscheme: "disabled",
  cachekeyhost: "disabled",
  cachekeydevice: "disabled",
  cachekeywebp: "disabled",
  cachebr: "disabled",
  cachecookies: "disabled",
  cachestripcookies: "disabled",
  cachexpullkey: "KeyCDN",
  cachecanonical: "disabled",
  cacherobots: "disabled",
  cacheerrorpages: "disabled",
  dirlist: "disabled",
};

const ROUTES: { method: string; pattern: RegExp; op: string }[] = [
  { method: "GET", pattern: /^\/zones\.json$/, op: "ListZones" },
  { method: "POST", pattern: /^\/zones\.json$/, op: "AddZone" },
  { method: "GET", pattern: /^\/zones\/(\d+)\.json$/, op: "ViewZone" },
  { method: "PUT", pattern: /^\/zones\/(\d+)\.json$/, op: "EditZone" },
  { method: "DELETE", pattern: /^\/zones\/(\d+)\.json$/, op: "DeleteZone" },
  { method: "GET", pattern: /^\/zonealiases\.json$/, op: "ListZoneAliases" },
  { method: "POST", pattern: /^\/zonealiases\.json$/, op: "AddZoneAlias" },
  { method: "DELETE", pattern: /^\/zonealiases\/(\d+)\.json$/, op: "DeleteZoneAlias" },
];

const HOSTNAME = /^(?=.{1,128}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** What the API's calls change (lib/sandbox/fake-state.ts). */
interface KeycdnState {
  zones: FakeZone[];
  aliases: FakeAlias[];
  nextId: number;
}

export class KeycdnFake implements StatefulFake {
  private zones: FakeZone[] = [];
  private aliases: FakeAlias[] = [];
  private nextId = 1000;
  private readonly keys: Set<string>;
  readonly userHex: string;

  constructor(private readonly opts: KeycdnFakeOptions = {}) {
    this.keys = new Set(opts.keys ?? [KEYCDN_SANDBOX_KEY]);
    this.userHex = (opts.userId ?? 0x1c6b).toString(16);
  }

  state(): { zones: FakeZone[]; aliases: FakeAlias[] } {
    return structuredClone({ zones: this.zones, aliases: this.aliases });
  }

  saveState(): KeycdnState {
    return { zones: this.zones, aliases: this.aliases, nextId: this.nextId };
  }

  loadState(state: unknown): void {
    ({ zones: this.zones, aliases: this.aliases, nextId: this.nextId } = state as KeycdnState);
  }

  /** The zone URL KeyCDN's dashboard shows for a zone (the API does not return it). */
  zoneUrl(name: string): string {
    return `${name}-${this.userHex}.kxcdn.com`;
  }

  reset(): void {
    this.zones = [];
    this.aliases = [];
    this.nextId = 1000;
  }

  operation(req: FakeRequest): string {
    return ROUTES.find((r) => r.method === req.method && r.pattern.test(req.path))?.op ?? `${req.method} ${req.path}`;
  }

  private reply(status: number, description: string, data?: unknown): FakeResponse {
    return {
      status,
      headers: { "content-type": "application/json", "x-rate-limit-limit": "60", "x-rate-limit-remaining": "59" },
      body: JSON.stringify(data === undefined ? { status: status < 400 ? "success" : "error", description } : { status: "success", description, data }),
    };
  }

  private authorised(req: FakeRequest): boolean {
    const m = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ""));
    if (!m) return false;
    const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
    const i = decoded.indexOf(":");
    return i >= 0 && decoded.slice(i + 1) === "" && this.keys.has(decoded.slice(0, i));
  }

  handle(req: FakeRequest): FakeResponse {
    if (!this.authorised(req)) return this.reply(403, "Access denied. Please check your API key.");
    const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(req.path));
    if (!route) return this.reply(404, "Not found.");
    const id = route.pattern.exec(req.path)?.[1];
    // Writes with parameters are form-encoded; DELETE carries none (keycdn.com/api).
    if ((req.method === "POST" || req.method === "PUT") && !String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return this.reply(400, "Invalid request body: send the parameters form-encoded.");
    }
    const form = new URLSearchParams(req.body);
    switch (route.op) {
      case "ListZones":
        return this.reply(200, "Successfully received zones.", { zones: this.zones });
      case "ViewZone": {
        const zone = this.zones.find((z) => z.id === id);
        return zone ? this.reply(200, "Successfully received zone.", { zone }) : this.reply(404, "Zone not found.");
      }
      case "AddZone": {
        const name = form.get("name") ?? "";
        if (!/^[a-z0-9]{1,20}$/.test(name)) return this.reply(400, "Invalid zone name: use 1 to 20 lower-case letters and digits.");
        if (this.zones.some((z) => z.name === name)) return this.reply(400, `Zone name ${name} already exists.`);
        if (this.opts.maxZones !== undefined && this.zones.length >= this.opts.maxZones) return this.reply(400, "Zone limit reached. Please contact support to increase the limit.");
        const invalid = this.invalid(form);
        if (invalid) return this.reply(400, invalid);
        const zone: FakeZone = { id: String(this.nextId++), name, ...NEW_ZONE, ...Object.fromEntries(form) };
        if (!zone.originurl && zone.type === "pull") return this.reply(400, "Origin URL is required for a pull zone.");
        this.zones.push(zone);
        return this.reply(200, "Zone successfully added.", { zone });
      }
      case "EditZone": {
        const i = this.zones.findIndex((z) => z.id === id);
        if (i < 0) return this.reply(404, "Zone not found.");
        const invalid = this.invalid(form);
        if (invalid) return this.reply(400, invalid);
        const name = form.get("name");
        if (name !== null && this.zones.some((z) => z.name === name && z.id !== id)) return this.reply(400, `Zone name ${name} already exists.`);
        const zone = { ...this.zones[i]!, ...Object.fromEntries(form), id: this.zones[i]!.id } as FakeZone;
        this.zones[i] = zone;
        return this.reply(200, "Zone successfully updated.", { zone });
      }
      case "DeleteZone": {
        const zone = this.zones.find((z) => z.id === id);
        if (!zone) return this.reply(404, "Zone not found.");
        this.zones = this.zones.filter((z) => z.id !== id);
        // What happens to a deleted zone's aliases is **unverified**: an alias cannot outlive its zone here.
        this.aliases = this.aliases.filter((a) => a.zone_id !== id);
        return this.reply(200, "Zone successfully deleted.");
      }
      case "DeleteZoneAlias": {
        if (!this.aliases.some((a) => a.id === id)) return this.reply(404, "Zone alias not found.");
        this.aliases = this.aliases.filter((a) => a.id !== id);
        return this.reply(200, "Zone alias successfully deleted.");
      }
      case "ListZoneAliases":
        return this.reply(200, "Successfully received zone aliases.", { zonealiases: this.aliases });
      case "AddZoneAlias": {
        const name = (form.get("name") ?? "").toLowerCase();
        const zoneId = form.get("zone_id") ?? "";
        if (!HOSTNAME.test(name)) return this.reply(400, "Invalid zone alias name.");
        if (!this.zones.some((z) => z.id === zoneId)) return this.reply(400, "Invalid zone id.");
        if (this.aliases.some((a) => a.name === name) || (this.opts.foreignAliases ?? []).includes(name)) return this.reply(400, `Zone alias ${name} already exists.`);
        const alias = { id: String(this.nextId++), zone_id: zoneId, name };
        this.aliases.push(alias);
        return this.reply(200, "Zone alias successfully added.", { zonealias: alias });
      }
      default:
        return this.reply(404, "Not found.");
    }
  }

  /** KeyCDN-style checks of zone fields: flags are enabled/disabled, numbers are numbers. */
  private invalid(form: URLSearchParams): string | null {
    for (const [k, v] of form) {
      if (FLAGS.includes(k) && v !== "enabled" && v !== "disabled") return `Invalid value for ${k}: use enabled or disabled.`;
      if ((k === "expire" || k === "cachemaxexpire") && !/^-?\d+$/.test(v)) return `Invalid value for ${k}: minutes as a whole number.`;
      if (k === "sslcert" && !["shared", "letsencrypt", "custom"].includes(v)) return "Invalid value for sslcert.";
      if (k === "type" && !["pull", "push"].includes(v)) return "Invalid value for type.";
      if (k === "status" && !["active", "inactive"].includes(v)) return "Invalid value for status.";
      if (k === "originurl" && !/^https?:\/\/[a-z0-9.-]+(:\d+)?\/?$/i.test(v)) return "Invalid origin URL.";
    }
    return null;
  }
}
