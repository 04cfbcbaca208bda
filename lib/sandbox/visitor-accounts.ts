import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { appStore, StoreUnavailableError, type Store } from "@/lib/store";
import { AccountRecords, ACCOUNT_SLOTS, type AccountRecord } from "./account-records";
import { decodeFakeState, encodeFakeState, type StatefulFake } from "./fake-state";
import type { FakeApi, FakeRequest, FakeResponse, RunningFake } from "./http-fake";

/**
 * Per-visitor sandbox accounts. Each visitor gets, per CDN, credentials derived from their visitor id with an
 * HMAC under a server secret (so nothing is stored to know them, and one visitor cannot compute another's),
 * and fakes of their own holding only their resources. One loopback server per provider API serves every
 * account: it routes each request by the credential it presents to that account's fakes; an unknown
 * credential meets a fake nobody has the credentials of, which refuses it as the provider would.
 *
 * The accounts live in the store (lib/sandbox/account-records.ts): before a fake handles a request its
 * account's saved state is loaded into new fakes, and after it the state is saved again, so every instance
 * sharing the store (and the secret, SANDBOX_SECRET) serves the same accounts. This process keeps only the
 * credentials of accounts opened here (a request to a loopback fake always follows an open() in the same
 * process), the queues of requests in flight, and the fakes that refuse every credential.
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
  /** A fresh account's fakes, one per service, knowing only these credentials; made again for every request. */
  fakes(credentials: Record<string, string>): Record<string, StatefulFake>;
  /** Puts what a newcomer needs for hostnames the account sees for the first time in its fakes (a DNS host's zone and records). */
  prepare?(fakes: Record<string, StatefulFake>, credentials: Record<string, string>, hosts: readonly string[]): void;
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

/** What a sandbox fake answers while the store cannot be reached: the adapter retries, then says to try again. */
const STORE_DOWN: FakeResponse = { status: 503, headers: { "content-type": "text/plain", "retry-after": "5" }, body: "The sandbox's store is unavailable; try again in a minute." };

/** An account opened in this process: what its fakes are made with. */
interface Known {
  accountId: string;
  credentials: Record<string, string>;
  lastUsed: number;
}

export interface VisitorAccountsOptions<Cdn extends string> {
  sandboxes: Record<Cdn, CdnSandbox>;
  limits: SandboxLimits;
  /** Starts (once) the loopback server of one API; the default instance shares the process's registry. */
  start(name: string, api: () => FakeApi): Promise<RunningFake>;
  /** Where accounts are kept. Default: the app's store (REDIS_URL). Tests pass their own. */
  store?: () => Store;
  /** Milliseconds, monotonic, for this process's bookkeeping (the store expires accounts on its own clock). Tests pass a fake clock. */
  now?: () => number;
  /** The HMAC key credentials are derived under. Default: random per process. */
  secret?: Buffer;
}

export class VisitorAccounts<Cdn extends string> {
  /** Opened here, by the credential a request presents (`cdn:key`); in order of last use, oldest first. */
  private readonly known = new Map<string, Known>();
  private readonly nobody = new Map<string, StatefulFake>();
  private readonly records: AccountRecords;
  private readonly store: () => Store;
  private readonly now: () => number;
  private readonly secret: Buffer;
  private readonly idleMs: number;

  constructor(private readonly opts: VisitorAccountsOptions<Cdn>) {
    this.store = opts.store ?? appStore;
    this.now = opts.now ?? (() => performance.now());
    this.secret = opts.secret ?? randomBytes(32);
    this.idleMs = opts.limits.idleMinutes * 60_000;
    this.records = new AccountRecords(this.store, this.idleMs);
  }

  /** The accounts alive in the store, whichever instance opened them. */
  async count(): Promise<number> {
    return (await this.store().slots(ACCOUNT_SLOTS)).length;
  }

  /**
   * The visitor's account for `cdn` (made on first use), now touching `hosts` too: its credentials and the
   * endpoints of its fakes. Throws SandboxLimitError when the sandbox is full or the account would hold too many
   * hosts, StoreUnavailableError when the store cannot be reached.
   */
  async open(cdn: Cdn, visitorId: string, hosts: readonly string[]): Promise<{ credentials: Record<string, string>; endpoints: Record<string, string> }> {
    this.sweep();
    const sandbox = this.opts.sandboxes[cdn];
    const credentials = this.credentialsFor(cdn, visitorId);
    const accountKey = sandbox.accountKey(credentials);
    const accountId = `${cdn}:${createHash("sha256").update(`${cdn}\0${accountKey}`).digest("base64url")}`;
    const { maxAccounts, maxHostsPerAccount } = this.opts.limits;
    await this.records.update(accountId, async (record) => {
      const taken = new Set(record?.hosts);
      const added = new Set(hosts.filter((h) => !taken.has(h)));
      if (taken.size + added.size > maxHostsPerAccount) throw new SandboxLimitError(tooManyHosts(maxHostsPerAccount));
      if (!(await this.store().claimSlot(ACCOUNT_SLOTS, accountId, maxAccounts, this.idleMs))) throw new SandboxLimitError(SANDBOX_FULL);
      let fakes = record?.fakes ?? {};
      if (added.size > 0 && sandbox.prepare) {
        const live = restored(sandbox.fakes(credentials), { hosts: [...taken], fakes });
        sandbox.prepare(live, credentials, [...added]);
        fakes = savedStates(live);
      }
      return { result: undefined, next: { hosts: [...taken, ...added], fakes } };
    });
    this.remember(`${cdn}:${accountKey}`, { accountId, credentials, lastUsed: this.now() });
    const endpoints = await Promise.all(sandbox.services.map(async (service) => [service, (await this.server(cdn, service)).url] as const));
    return { credentials, endpoints: Object.fromEntries(endpoints) };
  }

  /** Forgets the credentials of accounts unused here for `idleMinutes` (the store drops the accounts themselves). */
  sweep(): void {
    const oldest = this.now() - this.idleMs;
    for (const [key, known] of this.known) {
      if (known.lastUsed > oldest) break;
      this.known.delete(key);
    }
  }

  private credentialsFor(cdn: Cdn, visitorId: string): Record<string, string> {
    return this.opts.sandboxes[cdn].credentials((label) => createHmac("sha256", this.secret).update(`${cdn}\0${label}\0${visitorId}`).digest());
  }

  /** Most recently used last; never more than the accounts the store may hold. */
  private remember(key: string, known: Known): void {
    this.known.delete(key);
    this.known.set(key, known);
    while (this.known.size > this.opts.limits.maxAccounts) this.known.delete(this.known.keys().next().value!);
  }

  private server(cdn: Cdn, service: string): Promise<RunningFake> {
    return this.opts.start(service, () => ({
      // The operation's name depends on the request alone.
      operation: (req) => this.nobodyFor(cdn, service).operation(req),
      handle: (req) => this.handle(cdn, service, req),
      // Test-only (/__sandbox/reset): drops every account of this CDN.
      reset: () => this.reset(cdn),
    }));
  }

  /** The request, handled by the fakes of the account its credential names (restored, then saved), or refused. */
  private async handle(cdn: Cdn, service: string, req: FakeRequest): Promise<FakeResponse> {
    this.sweep();
    const sandbox = this.opts.sandboxes[cdn];
    const presented = sandbox.presented(service, req);
    const knownKey = `${cdn}:${presented}`;
    const known = presented === undefined ? undefined : this.known.get(knownKey);
    if (!known) return this.nobodyFor(cdn, service).handle(req);
    try {
      const answer = await this.records.update(known.accountId, async (record) => {
        if (!record) return { result: undefined };
        const fakes = restored(sandbox.fakes(known.credentials), record);
        const result = await fakes[service]!.handle(req);
        return { result, next: { hosts: record.hosts, fakes: savedStates(fakes) } };
      });
      // Expired in the store meanwhile: gone, as after the idle time.
      if (!answer) {
        this.known.delete(knownKey);
        return this.nobodyFor(cdn, service).handle(req);
      }
      await this.store().claimSlot(ACCOUNT_SLOTS, known.accountId, this.opts.limits.maxAccounts, this.idleMs);
      this.remember(knownKey, { ...known, lastUsed: this.now() });
      return answer;
    } catch (error) {
      if (error instanceof StoreUnavailableError) return STORE_DOWN;
      throw error;
    }
  }

  private async reset(cdn: Cdn): Promise<void> {
    for (const key of [...this.known.keys()]) if (key.startsWith(`${cdn}:`)) this.known.delete(key);
    for (const accountId of await this.store().slots(ACCOUNT_SLOTS)) {
      if (!accountId.startsWith(`${cdn}:`)) continue;
      await this.records.drop(accountId);
      await this.store().releaseSlot(ACCOUNT_SLOTS, accountId);
    }
  }

  /** A fake that knows no credential of any account, so it refuses whatever it is given. */
  private nobodyFor(cdn: Cdn, service: string): StatefulFake {
    let nobody = this.nobody.get(service);
    if (!nobody) {
      const sandbox = this.opts.sandboxes[cdn];
      nobody = sandbox.fakes(sandbox.credentials(() => randomBytes(32)))[service]!;
      this.nobody.set(service, nobody);
    }
    return nobody;
  }
}

/** New fakes with the account's saved state loaded (a service with none saved starts empty). */
function restored(fakes: Record<string, StatefulFake>, record: AccountRecord): Record<string, StatefulFake> {
  for (const [name, fake] of Object.entries(fakes)) {
    const saved = record.fakes[name];
    if (saved !== undefined) fake.loadState(decodeFakeState(saved));
  }
  return fakes;
}

/** Each fake's state, encoded for the account's record. */
function savedStates(fakes: Record<string, StatefulFake>): AccountRecord["fakes"] {
  return Object.fromEntries(Object.entries(fakes).map(([name, fake]) => [name, encodeFakeState(fake.saveState())]));
}
