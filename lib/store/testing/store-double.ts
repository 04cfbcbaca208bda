import type { Store } from "../types";

/** A Store for tests that replace some methods: the others fail, saying the test did not expect them. */
export function storeDouble(methods: Partial<Store>): Store {
  const unexpected = (name: string) => async (): Promise<never> => {
    throw new Error(`store double: ${name} was not expected in this test`);
  };
  return {
    getJson: unexpected("getJson"),
    setJson: unexpected("setJson"),
    delete: unexpected("delete"),
    takeToken: unexpected("takeToken"),
    getVersioned: unexpected("getVersioned"),
    setIfVersion: unexpected("setIfVersion"),
    claimSlot: unexpected("claimSlot"),
    releaseSlot: unexpected("releaseSlot"),
    slots: unexpected("slots"),
    close: async () => {},
    ...methods,
  };
}
