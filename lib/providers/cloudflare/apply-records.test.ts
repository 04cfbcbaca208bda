import { beforeEach, describe, expect, it } from "vitest";
import { withFakeServer } from "@/lib/testing/fake-server";
import type { FakeRequest } from "@/lib/sandbox/http-fake";
import { cloudflareServer } from "./apply";
import { CloudflareFake } from "@/lib/sandbox/fakes/cloudflare/fake";

// DNS record edits send complete bodies built from the record as read (docs/providers/cloudflare.md#dns-record-edits).

const TOKEN = "cf-records-token-Qw8Er4Ty6Ui2Op0As3Df5Gh7Jk9Lz1Xc";
const HOST = "ablink.x.level-ex.com";

/** The fake, keeping every PATCH body it was sent. */
class RecordingFake extends CloudflareFake {
  patches: unknown[] = [];
  override handle(req: FakeRequest) {
    if (req.method === "PATCH") this.patches.push(JSON.parse(req.body));
    return super.handle(req);
  }
}

const fake = new RecordingFake({ readsUntilActive: 1 });

const fx = withFakeServer(fake, "cloudflare", { ctx: { maxRetries: 0, maxRetryDelayMs: 20 } });
beforeEach(async () => {
  fake.patches = [];
  fake.addZone("level-ex.com", { acm: true });
  fake.addToken(TOKEN);
});

describe("Cloudflare apply, DNS record edits", () => {
  it("sends name, type and TTL with every edit and keeps the comment and tags people set", async () => {
    const link = fake.addRecord("level-ex.com", { name: "ablink.x", type: "CNAME", content: "d111111abcdef8.cloudfront.net", ttl: 3600, comment: "mail links", tags: ["team:mail"] });
    const owner = fake.addRecord("level-ex.com", { name: "7654321.x", type: "CNAME", content: "sendgrid.net", proxied: true, comment: "sendgrid owner" });
    const input = { hosts: [HOST], region: "global" as const, ownerRecords: ["7654321.x.level-ex.com"] };

    const first = await cloudflareServer.apply({ apiToken: TOKEN }, input, fx.ctx);
    expect(first.hosts[0]?.error).toBeUndefined();
    fake.settleCertificates();
    const second = await cloudflareServer.apply({ apiToken: TOKEN }, { ...input, linkBrandingValidated: true }, fx.ctx);
    expect(second.hosts[0]?.outcome).toBe("updated");

    expect(fake.patches).toEqual([
      { type: "CNAME", name: HOST, ttl: 1, content: "sendgrid.net", proxied: false, comment: "mail links", tags: ["team:mail"], settings: { flatten_cname: false } },
      { type: "CNAME", name: "7654321.x.level-ex.com", ttl: 1, content: "sendgrid.net", proxied: false, comment: "sendgrid owner", settings: { flatten_cname: false } },
      { type: "CNAME", name: HOST, ttl: 1, content: "sendgrid.net", proxied: true, comment: "mail links", tags: ["team:mail"], settings: { flatten_cname: false } },
    ]);
    expect(fake.state("level-ex.com").records.map((r) => [r.id, r.name, r.content, r.proxied, r.ttl, r.comment, r.tags])).toEqual([
      [link.id, HOST, "sendgrid.net", true, 1, "mail links", ["team:mail"]],
      [owner.id, "7654321.x.level-ex.com", "sendgrid.net", false, 1, "sendgrid owner", []],
    ]);
  });
});
