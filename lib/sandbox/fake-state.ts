import "server-only";
import type { FakeApi } from "./http-fake";

/**
 * A fake whose state can leave the process: the in-app sandbox keeps each account's fakes in the store between
 * requests (lib/sandbox/visitor-accounts.ts), so any instance of the app can serve the account. A new fake joins
 * by implementing these two methods; nothing else changes (README, "A sandbox account per visitor").
 *
 * State is what the API's calls change (resources, counters, ids handed out, reads counted so far), as plain
 * data: objects, arrays, strings, finite numbers, booleans, null, and Maps and Sets of those. Not state: what
 * the fake was made with (credentials, options, clocks), which the owner passes again to the new fake.
 */
export interface StatefulFake extends FakeApi {
  /** The state as it is now; it may share objects with the fake, so encode it before the fake handles more. */
  saveState(): unknown;
  /** Replaces the state with one from saveState of a fake made with the same options; takes ownership of it. */
  loadState(state: unknown): void;
}

/** JSON as the store keeps it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Maps and Sets are written as objects with a single tag key; an object's own keys that start with "$" get one
 * more "$", so that data a request sent (say a rule's parameters) can never be read back as a tag.
 */
const MAP = "$map";
const SET = "$set";

/** Saved state → JSON. Throws on anything that would not come back the same (a class instance, a Date, NaN…). */
export function encodeFakeState(value: unknown, path = "state"): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`fake state: ${path} is ${value}, which JSON cannot hold`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeFakeState(v === undefined ? null : v, `${path}[${i}]`));
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v], i) => [encodeFakeState(k, `${path} key ${i}`), encodeFakeState(v, `${path}.get(${String(k)})`)]) };
  if (value instanceof Set) return { [SET]: [...value].map((v, i) => encodeFakeState(v, `${path} member ${i}`)) };
  if (typeof value === "object" && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.startsWith("$") ? `$${k}` : k, encodeFakeState(v, `${path}.${k}`)]),
    );
  }
  const kind = typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
  throw new TypeError(`fake state: ${path} is a ${kind}; keep state as plain objects, arrays, Maps and Sets`);
}

/** JSON from encodeFakeState → the state, Maps and Sets included, in new objects. */
export function decodeFakeState(json: JsonValue): unknown {
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map(decodeFakeState);
  const keys = Object.keys(json);
  if (keys.length === 1 && keys[0] === MAP && Array.isArray(json[MAP])) {
    return new Map((json[MAP] as JsonValue[][]).map(([k, v]) => [decodeFakeState(k!), decodeFakeState(v!)]));
  }
  if (keys.length === 1 && keys[0] === SET && Array.isArray(json[SET])) return new Set((json[SET] as JsonValue[]).map(decodeFakeState));
  // Object.fromEntries defines own properties, so even a "__proto__" key stays data.
  return Object.fromEntries(keys.map((k) => [k.startsWith("$") ? k.slice(1) : k, decodeFakeState(json[k]!)]));
}
