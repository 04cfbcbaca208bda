import { decodeFakeState, encodeFakeState, type StatefulFake } from "../fake-state";
import type { FakeApi, FakeRequest } from "../http-fake";

/**
 * The state round trip the in-app sandbox makes between requests (lib/sandbox/visitor-accounts.ts): the fake's
 * state saved, through JSON text, into a new fake made by `make` with the same options. Test-only.
 */
export function restoredCopy<F extends StatefulFake>(fake: F, make: () => F): F {
  const copy = make();
  copy.loadState(savedThroughJson(fake));
  return copy;
}

/** The fake's saved state as loadState gets it after the store: encoded, as JSON text, decoded. */
export function savedThroughJson(fake: StatefulFake): unknown {
  return decodeFakeState(JSON.parse(JSON.stringify(encodeFakeState(fake.saveState()))));
}

/** A request as the loopback harness hands it to a fake. */
export function wireRequest(method: string, pathAndQuery: string, init: { headers?: Record<string, string>; body?: string } = {}): FakeRequest {
  const url = new URL(pathAndQuery, "http://fake");
  return { method, path: url.pathname, query: url.searchParams, headers: { host: "fake", ...init.headers }, body: init.body ?? "" };
}

/** Status and body of each request, one after another (reads move some states along, so order matters). */
export async function answersOf(fake: FakeApi, requests: FakeRequest[]): Promise<{ op: string; status: number; body: unknown }[]> {
  const out = [];
  for (const req of requests) {
    const res = await fake.handle(req);
    const text = res.body ?? "";
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: compared as text
    }
    out.push({ op: fake.operation(req), status: res.status, body });
  }
  return out;
}
