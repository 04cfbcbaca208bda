import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { FakeApi, FakeRequest, RunningFake } from "./http-fake";

/**
 * Per-visitor sandbox accounts. Each visitor gets, per CDN, credentials derived from their visitor id with an
 * HMAC under a server secret (so nothing is stored to know them, and one visitor cannot compute another's),
 * and fakes of their own holding only their resources. One loopback server per provider API serves every
 * account: it routes each request by the credential it presents to that account's fakes; an unknown
 * credential meets a fake nobody has the credentials of, which refuses it as the provider would.
 *
 * Bounded: at most `maxAccounts` accounts, each touching at most `maxHostsPerAccount` hostnames, and an
 * account not used for `idleMinutes` is dropped with all its state (lib/security/limits.json).
 */

export interface SandboxLimits {
  maxAccounts: number;
  idleMinutes: number;
  maxHostsPerAccount: number;
}

/** How one CDN's sandbox is made: which APIs it serves, its credentials, and fakes that know only them. */
export interface CdnSandbox {
  /** The provider APIs (one loopback server each), named as the apply context's endpoints. */
  services: readonly string[];
  /** The account's credentials, from `seed` (32 bytes per label, unique to the visitor and CDN). */
  credentials(seed: (label: string) => Buffer): Record<string, string>;
  /** The credential value a request presents, e.g. the access key id: it names the account. */
  accountKey(credentials: Record<string, string>): string;
  /** The credential value this request to `service` presents, if any. */
  presented(service: string, req: FakeRequest): string | undefined;
  /** A fresh account's fakes, one per service, knowing only these credentials. */
  fakes(credentials: Record<string, string>): Record<string, FakeApi>;
  /** Puts what a newcomer needs for hostnames the account sees for the first time in its fakes (a DNS host's zone and records). */
  prepare?(fakes: Record<string, FakeApi>, credentials: Record<string, string>, hosts: readonly string[]): void;
}

export const SANDBOX_FULL = "The sandbox is full right now; use the manual values or try again later.";

/**
 * Hosts count for the account's whole life, undone or not: undo's list comes from the browser, so releasing
 * what it reports as gone would let a forged list lift the cap.
 */
export const tooManyHosts = (max: number) =>
  `A sandbox account takes at most ${max} different hostnames, and yours has them all; it is cleared after an hour unused. Until then, use the manual values or hostnames you already tried here.`;

/** A cap was hit; `message` is for the person, as it is. */
export class SandboxLimitError extends Error {
  override readonly name = "SandboxLimitError";
}

interface Account {
  key: string;
  fakes: Record<string, FakeApi>;
  hosts: Set<string>;
  lastUsed: number;
}

export interface VisitorAccountsOptions<Cdn extends string> {
  sandboxes: Record<Cdn, CdnSandbox>;
  limits: SandboxLimits;
  /** Starts (once) the loopback server of one API; the default instance shares the process's registry. */
  start(name: string, api: () => FakeApi): Promise<RunningFake>;
  /** Milliseconds, monotonic. Tests pass a fake clock. */
  now?: () => number;
  /** The HMAC key credentials are derived under. Default: random per process. */
  secret?: Buffer;
}

export class VisitorAccounts<Cdn extends string> {
  /** In order of last use, oldest first (a use moves an account to the end), so expiry reads from the front. */
  private readonly accounts = new Map<string, Account>();
  private readonly nobody = new Map<string, FakeApi>();
  private readonly now: () => number;
  private readonly secret: Buffer;

  constructor(private readonly opts: VisitorAccountsOptions<Cdn>) {
    this.now = opts.now ?? (() => performance.now());
    this.secret = opts.secret ?? randomBytes(32);
  }

  get size(): number {
    return this.accounts.size;
  }

  /**
   * The visitor's account for `cdn` (made on first use), now touching `hosts` too: its credentials and the
   * endpoints of its fakes. Throws SandboxLimitError when the sandbox is full or the account would hold too many hosts.
   */
  async open(cdn: Cdn, visitorId: string, hosts: readonly string[]): Promise<{ credentials: Record<string, string>; endpoints: Record<string, string> }> {
    this.sweep();
    const sandbox = this.opts.sandboxes[cdn];
    const credentials = this.credentialsFor(cdn, visitorId);
    const key = `${cdn}:${sandbox.accountKey(credentials)}`;
    const account = this.accounts.get(key) ?? { key, fakes: {}, hosts: new Set<string>(), lastUsed: 0 };
    if (!this.accounts.has(key) && this.accounts.size >= this.opts.limits.maxAccounts) throw new SandboxLimitError(SANDBOX_FULL);
    const added = new Set(hosts.filter((h) => !account.hosts.has(h)));
    if (account.hosts.size + added.size > this.opts.limits.maxHostsPerAccount) throw new SandboxLimitError(tooManyHosts(this.opts.limits.maxHostsPerAccount));
    if (!this.accounts.has(key)) account.fakes = sandbox.fakes(credentials);
    for (const h of added) account.hosts.add(h);
    if (added.size > 0) sandbox.prepare?.(account.fakes, credentials, [...added]);
    this.touch(account);
    const endpoints = await Promise.all(sandbox.services.map(async (service) => [service, (await this.server(cdn, service)).url] as const));
    return { credentials, endpoints: Object.fromEntries(endpoints) };
  }

  /** Drops every account idle for `idleMinutes` or longer, with its state. */
  sweep(): void {
    const oldest = this.now() - this.opts.limits.idleMinutes * 60_000;
    for (const account of this.accounts.values()) {
      if (account.lastUsed > oldest) break;
      this.accounts.delete(account.key);
    }
  }

  private credentialsFor(cdn: Cdn, visitorId: string): Record<string, string> {
    return this.opts.sandboxes[cdn].credentials((label) => createHmac("sha256", this.secret).update(`${cdn}\0${label}\0${visitorId}`).digest());
  }

  private touch(account: Account): void {
    account.lastUsed = this.now();
    this.accounts.delete(account.key);
    this.accounts.set(account.key, account);
  }

  private server(cdn: Cdn, service: string): Promise<RunningFake> {
    return this.opts.start(service, () => ({
      operation: (req) => this.route(cdn, service, req).operation(req),
      handle: (req) => this.route(cdn, service, req).handle(req),
      // Test-only (/__sandbox/reset): drops every account of this CDN.
      reset: () => {
        for (const key of [...this.accounts.keys()]) if (key.startsWith(`${cdn}:`)) this.accounts.delete(key);
      },
    }));
  }

  /** The fake of the account this request's credential names, or one that refuses every credential. */
  private route(cdn: Cdn, service: string, req: FakeRequest): FakeApi {
    this.sweep();
    const sandbox = this.opts.sandboxes[cdn];
    const presented = sandbox.presented(service, req);
    const account = presented === undefined ? undefined : this.accounts.get(`${cdn}:${presented}`);
    if (account) {
      this.touch(account);
      return account.fakes[service]!;
    }
    let nobody = this.nobody.get(service);
    if (!nobody) {
      nobody = sandbox.fakes(sandbox.credentials(() => randomBytes(32)))[service]!;
      this.nobody.set(service, nobody);
    }
    return nobody;
  }
}
