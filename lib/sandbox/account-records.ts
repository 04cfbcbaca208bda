import "server-only";
import type { Store } from "@/lib/store";
import type { JsonValue } from "./fake-state";

/**
 * Sandbox accounts as the store keeps them (lib/store: this process's memory, or Redis shared by every instance),
 * so that an account opened on one instance continues on another. One JSON record per account, expiring after
 * the idle time unless used again, and one group of slots counting the accounts against the cap.
 */

/** One account: every hostname it has taken (for the per-account cap) and each of its fakes' saved state. */
export interface AccountRecord {
  hosts: string[];
  /** Service name → encodeFakeState(fake.saveState()); a service with none starts empty. */
  fakes: Record<string, JsonValue>;
}

/**
 * Bump when a fake's saved state changes shape: accounts written by an older deploy are then not read (they
 * expire by themselves), and instances of the old and the new deploy never load each other's state.
 */
const FORMAT = 1;
const recordKey = (accountId: string) => `sandbox:v${FORMAT}:account:${accountId}`;
/** The slot group of live accounts (Store.claimSlot), which the account cap counts. */
export const ACCOUNT_SLOTS = `sandbox:v${FORMAT}:accounts`;

/** Compare-and-set attempts before a change gives up (each lost one means another instance changed the account). */
const MAX_ATTEMPTS = 8;

export interface Change<T> {
  result: T;
  /** The record to store; none leaves the store as it is. */
  next?: AccountRecord;
}

export class AccountRecords {
  /** Per account, the end of its queue in this process; removed once the queue is empty. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly store: () => Store,
    private readonly ttlMs: number,
  ) {}

  /**
   * Runs `change` on the account's record and stores the record it returns (for the idle time), one change at a
   * time per account: in this process a queue, between instances compare-and-set; a change that lost the race
   * to another instance runs again on the record that won. So two requests for one account never lose a write.
   * `change` must only compute (it may run more than once); what it throws is thrown here, with nothing stored.
   */
  update<T>(accountId: string, change: (record: AccountRecord | undefined) => Promise<Change<T>>): Promise<T> {
    return this.queued(accountId, async () => {
      const key = recordKey(accountId);
      for (let attempt = 1; ; attempt++) {
        const current = await this.store().getVersioned(key);
        const { result, next } = await change(current?.value as AccountRecord | undefined);
        if (next === undefined || (await this.store().setIfVersion(key, next, this.ttlMs, current?.version))) return result;
        if (attempt >= MAX_ATTEMPTS) throw new Error(`sandbox account changed on another instance ${MAX_ATTEMPTS} times in a row; try again`);
      }
    });
  }

  async drop(accountId: string): Promise<void> {
    await this.store().delete(recordKey(accountId));
  }

  private queued<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
