import { describe, expect, it } from "vitest";
import { differences, type HostFacts } from "./differences";

/** A host whose zone name is in it twice: the note says where to check the hostname, in the email provider's name. */
const facts = (espName: string): HostFacts => ({
  host: "click.x.level-ex.com.level-ex.com",
  espName,
  zone: { id: "z1", name: "level-ex.com", status: "active", type: "full" },
  check: { missing: [], zoneSsl: null, pageRules: [] },
  ruleset: null,
  link: null,
  pack: null,
  stalePacks: [],
});

describe("Cloudflare differences for each email provider", () => {
  it.each(["SendGrid", "SparkPost"])("a doubled zone name points at the hostname in %s", (espName) => {
    expect(differences(facts(espName))).toEqual([
      `click.x.level-ex.com.level-ex.com ends with level-ex.com twice; the link-branding host is probably click.x.level-ex.com. Check the hostname in ${espName}.`,
    ]);
  });
});
