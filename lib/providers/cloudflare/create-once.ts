import { withRetry } from "@/lib/async";
import { outcomeUnknown, retryDelay } from "./errors";

export interface CreateBound {
  /** Sends after the first, at most. */
  retries: number;
  maxDelayMs: number;
}

/**
 * A create that is never sent again blindly (docs/providers/cloudflare.md#lost-answers). `send` makes it once
 * (a 429, refused before anything was done, is retried inside it). After a failure that leaves it unknown
 * whether Cloudflare carried it out (outcomeUnknown: no answer, or a 5xx), `alreadyMade` looks for what it
 * would have made, and what it finds is taken as made by this call; only when nothing is there is it sent
 * again, within the bound. When the bound is spent, it looks once more: the last send may have been
 * carried out too.
 */
export async function createOnce<T>(send: () => Promise<T>, alreadyMade: () => Promise<T | null>, bound: CreateBound): Promise<T> {
  let mayExist = false;
  const lookThenSend = async (): Promise<T> => {
    if (mayExist) {
      const made = await alreadyMade();
      if (made !== null) return made;
    }
    try {
      return await send();
    } catch (e) {
      mayExist ||= outcomeUnknown(e);
      throw e;
    }
  };
  try {
    return await withRetry(lookThenSend, {
      retries: bound.retries,
      maxDelayMs: bound.maxDelayMs,
      retryAfter: (e) => (outcomeUnknown(e) ? retryDelay(e, true, bound.maxDelayMs) : null),
    });
  } catch (e) {
    if (!mayExist) throw e;
    // The create's failure is what the person needs to hear about, even if this look fails as well.
    const made = await alreadyMade().catch(() => null);
    if (made !== null) return made;
    throw e;
  }
}
