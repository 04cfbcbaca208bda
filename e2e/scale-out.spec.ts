import { expect, test, type Browser, type Page } from "@playwright/test";
import { REDIS_MISSING, REDIS_MISSING_ON_CI, redisServerInstalled, redisServerRequired, startRedisServer, type TestRedisServer } from "../lib/store/testing/redis-server";
import { actAsOwnClient, previewAndApply } from "./helpers";
import { e2eServerEnv, SCALE_OUT_PORTS } from "./ports";

/**
 * Two instances of the built app behind an imaginary load balancer, sharing one redis-server through
 * REDIS_URL and one SANDBOX_SECRET (issue 15): a client's verify requests count against one limit whichever
 * instance answers, and a sandbox account opened on one continues on the other.
 * Everything here listens on 127.0.0.1 and is stopped in afterAll. Run `next build` first.
 */

type App = Awaited<ReturnType<typeof import("../scripts/prod-server.mjs").startProductionServer>>;

const PASSWORD = "e2e-redis-p@ssword";
const SANDBOX_SECRET = "e2e-sandbox-secret-shared-by-both-instances";
let redis: TestRedisServer | undefined;
let apps: App[] = [];

test.describe.configure({ mode: "serial" });
// Without redis-server: skipped locally, saying why; a failure on CI, where a skip would hide a missing install.
const installed = redisServerInstalled();
test.skip(!installed && !redisServerRequired(), REDIS_MISSING);

test.beforeAll(async () => {
  if (!installed) throw new Error(REDIS_MISSING_ON_CI);
  test.setTimeout(180_000);
  redis = await startRedisServer({ port: SCALE_OUT_PORTS.redis, password: PASSWORD });
  const env = { ...e2eServerEnv, REDIS_URL: redis.url, SANDBOX_SECRET };
  // import(): Playwright's loader cannot load an .mjs file through a static import.
  const { startProductionServer } = await import("../scripts/prod-server.mjs");
  // One at a time: two builds starting at once on two shared cores only make both slower.
  for (const port of SCALE_OUT_PORTS.apps) apps.push(await startProductionServer({ port, env }));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  apps = [];
  await redis?.close();
});

/** A verify request that the route refuses at once (unknown cdn: 400), so only the limiter is exercised. */
async function verify(app: App, client: string) {
  const res = await fetch(`${app.url}/api/verify?cdn=nope`, { headers: { "x-forwarded-for": client } });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as unknown };
}

const warnings = (app: App) => app.output().split("\n").filter((line) => line.includes("[store] Redis at") && line.includes("is unavailable"));

/** The 429 for a client whose bucket is empty: Retry-After is 1 to 3 s (a token every 3 s), the body says the same. */
function expectLimited(answer: Awaited<ReturnType<typeof verify>>) {
  const seconds = Number(answer.retryAfter);
  expect([answer.status, seconds >= 1 && seconds <= 3]).toEqual([429, true]);
  expect(answer.body).toEqual({ error: { field: null, message: `Too many verification requests; try again in ${seconds} s.` }, retryAfterSeconds: seconds });
}

test("the verify rate limit counts requests to both instances", async () => {
  const [a, b] = apps as [App, App];
  // Each instance's route loaded and its Redis connection open, as another client, so the counted requests below
  // come quickly one after another (a token comes back every 3 s).
  for (const app of [a, b]) expect((await verify(app, "192.0.2.14")).status).toBe(400);
  // TEST-NET-1 (RFC 5737): only a header, never connected to.
  const client = "192.0.2.15";
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await verify(i % 2 === 0 ? a : b, client)).status);
  // Five requests on each: each instance alone would still allow five more.
  expect(statuses).toEqual(Array(10).fill(400));
  for (const app of [a, b]) expectLimited(await verify(app, client));
  // Another client is not affected.
  expect((await verify(b, "192.0.2.16")).status).toBe(400);
  for (const app of apps) {
    expect(app.output()).toContain(`[store] shared state (rate limits, sandbox accounts) is kept in Redis at redis://127.0.0.1:${SCALE_OUT_PORTS.redis}/0.`);
    // The start check (lib/store/redis-check.ts) passed: it says nothing then; SANDBOX_SECRET is set, so no word of it.
    expect(app.output()).not.toContain("start check");
    expect(app.output()).not.toContain("SANDBOX_SECRET");
  }
});

test("Redis down: each instance keeps answering and limiting on its own, warns once without the password, and shares again when Redis is back", async () => {
  const [a, b] = apps as [App, App];
  await redis!.stop();
  const client = "192.0.2.25";
  const onA: number[] = [];
  for (let i = 0; i < 11; i++) onA.push((await verify(a, client)).status);
  expect(onA).toEqual([...Array(10).fill(400), 429]);
  // B counts this client on its own meanwhile.
  expect((await verify(b, client)).status).toBe(400);
  expect(warnings(a)).toHaveLength(1);
  expect(warnings(b)).toHaveLength(1);
  expect(warnings(a)[0]).toContain(`[store] Redis at redis://127.0.0.1:${SCALE_OUT_PORTS.redis}/0 is unavailable (`);
  for (const app of apps) {
    expect(app.output()).not.toContain(PASSWORD);
    expect(app.output()).not.toContain(encodeURIComponent(PASSWORD));
  }

  await redis!.start();
  for (const app of apps) await expect.poll(() => app.output(), { timeout: 15_000 }).toContain("answers again: rate limits are shared between instances again.");
  const shared = "192.0.2.35";
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await verify(i % 2 === 0 ? a : b, shared)).status);
  expect(statuses).toEqual([...Array(10).fill(400), 429]);
});

const HOST = "ablink.scale-out.customer.com";

/** The sandbox apply step for HOST on `app`, previewed and applied with the sandbox account. */
async function sandboxApply(page: Page, app: App) {
  await page.goto(`${app.url}/setup?cdn=keycdn&host=${HOST}&mode=apply&step=configure`);
  await page.getByLabel(/Use the sandbox account/).check();
  await previewAndApply(page);
  await expect(page.getByText("Credentials used: the sandbox account.")).toBeVisible();
}

/** The resources the report lists, as "kind: id" (what follows is whether this tab created them). */
async function listedResources(page: Page): Promise<string[]> {
  // The innermost items: each host's card is a list item too.
  const items = page.getByRole("listitem").filter({ hasText: / · (created by this run|already existed)$/ }).filter({ hasNot: page.getByRole("listitem") });
  const lines = await items.allInnerTexts();
  return lines.map((line) => line.split(" · ")[0]!);
}

async function visitorPage(browser: Browser, testInfo: Parameters<typeof actAsOwnClient>[1]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await actAsOwnClient(page, testInfo);
  return page;
}

test("a sandbox apply made on one instance is seen and undone on the other, with the same visitor cookie; another visitor's stays apart", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const [a, b] = apps as [App, App];
  const alice = await visitorPage(browser, testInfo);
  await sandboxApply(alice, a);
  await expect(alice.getByText("Created", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  const onA = await listedResources(alice);
  expect(onA).toEqual(["KeyCDN pull zone: 1000", "KeyCDN zone alias: 1001"]);

  // The same browser on instance B: the cookie (host 127.0.0.1, any port) goes along. Behind a load balancer both
  // instances share one origin and so the tab's sessionStorage, where the page remembers what a sandbox run created
  // for undo; here each instance is its own origin, so the test carries it over.
  const cookies = (await alice.context().cookies()).filter((c) => c.name === "sandbox-visitor");
  expect(cookies).toHaveLength(1);
  const remembered = await alice.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
  expect(Object.keys(remembered)).toEqual([`sandbox-created:keycdn:${HOST}`]);
  const aliceOnB = await alice.context().newPage();
  await aliceOnB.goto(`${b.url}/`);
  await aliceOnB.evaluate((items) => Object.entries(items).forEach(([k, v]) => sessionStorage.setItem(k, v)), remembered);
  await sandboxApply(aliceOnB, b);
  await expect(aliceOnB.getByText("Already in place", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  expect(await listedResources(aliceOnB)).toEqual(onA);

  // Another browser on B applying the same hostname gets its own account: created there, nothing of Alice's.
  const bob = await visitorPage(browser, testInfo);
  await sandboxApply(bob, b);
  await expect(bob.getByText("Created", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  await expect(bob.getByText("Already in place", { exact: true })).toHaveCount(0);
  expect((await bob.context().cookies()).find((c) => c.name === "sandbox-visitor")?.value).not.toBe(cookies[0]!.value);

  // Undo on B removes what the run on A created; A then finds Alice's account empty again, and Bob's untouched.
  await aliceOnB.getByRole("button", { name: "Undo what this run created" }).click();
  const confirm = aliceOnB.getByRole("region", { name: "Remove these 2 resources from the sandbox account?" });
  await expect(confirm.getByRole("listitem")).toHaveCount(2);
  await confirm.getByRole("button", { name: "Remove these 2 resources" }).click();
  await expect(aliceOnB.getByRole("region", { name: "Undo", exact: true }).getByText("2 of 2 removed.")).toBeVisible({ timeout: 30_000 });
  await alice.reload();
  await sandboxApply(alice, a);
  await expect(alice.getByText("Created", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  const bobOnA = await bob.context().newPage();
  await actAsOwnClient(bobOnA, testInfo);
  await sandboxApply(bobOnA, a);
  await expect(bobOnA.getByText("Already in place", { exact: true })).toHaveCount(1, { timeout: 30_000 });
  await Promise.all([alice.context().close(), bob.context().close()]);
});
