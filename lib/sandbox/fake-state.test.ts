import { describe, expect, it } from "vitest";
import { decodeFakeState, encodeFakeState } from "./fake-state";

const throughJson = (value: unknown) => decodeFakeState(JSON.parse(JSON.stringify(encodeFakeState(value))));

describe("fake state as JSON", () => {
  it("plain data, Maps and Sets (nested, any key type) come back equal, in new objects", () => {
    const state = {
      zones: new Map([["z1", { name: "customer.com", rulesets: new Map([["http_config_settings", { rules: [{ id: "r1" }] }]]), inUseBy: new Set(["arn:1", "arn:2"]) }]]),
      byNumber: new Map([[1000, "zone"]]),
      list: [1, "two", true, null, [new Set()]],
      nextId: 1002,
    };
    const back = throughJson(state) as typeof state;
    expect(back).toEqual(state);
    expect(back.zones.get("z1")!.rulesets).toBeInstanceOf(Map);
    expect(back.zones.get("z1")!.inUseBy).toBeInstanceOf(Set);
    expect(back.zones).not.toBe(state.zones);
  });

  it("keys a request chose stay data: a '$map' or '$set' key is never read back as a Map or Set, '__proto__' stays an own key", () => {
    const sent = JSON.parse('{"$map": [["a", 1]], "$set": [1], "$$x": 2, "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const back = throughJson({ rule: sent }) as { rule: Record<string, unknown> };
    expect(back.rule).toEqual(sent);
    expect(Object.keys(back.rule)).toEqual(["$map", "$set", "$$x", "__proto__"]);
    expect(back.rule["$map"]).toEqual([["a", 1]]);
    expect(Object.getPrototypeOf(back.rule)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("undefined properties are left out, as JSON leaves them; in an array undefined becomes null", () => {
    expect(throughJson({ a: undefined, b: [undefined, 1] })).toEqual({ b: [null, 1] });
  });

  it("refuses what would not come back the same, naming where it is", () => {
    expect(() => encodeFakeState({ zones: [{ created: new Date(0) }] })).toThrow("fake state: state.zones[0].created is a Date; keep state as plain objects, arrays, Maps and Sets");
    expect(() => encodeFakeState({ fake: new (class TlsAccount {})() })).toThrow("fake state: state.fake is a TlsAccount; keep state as plain objects, arrays, Maps and Sets");
    expect(() => encodeFakeState({ handler: () => 1 })).toThrow("fake state: state.handler is a function; keep state as plain objects, arrays, Maps and Sets");
    expect(() => encodeFakeState(new Map([["d", { reads: Number.NaN }]]))).toThrow("fake state: state.get(d).reads is NaN, which JSON cannot hold");
  });
});
