import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CANARY_AWS, CANARY_CLOUDFLARE_TOKEN, CANARY_FASTLY_TOKEN, CANARY_KEYCDN_KEY, CANARY_MARKER } from "./accounts";
import { DNS_HOSTS } from "./dns-scenarios";
import { actAsOwnClient, openApplyStep, previewAndApply } from "./helpers";
import { setRecord } from "./route53";
import { VERIFY_LINK, VERIFY_TARGET } from "./verify-scenarios";

// The canary (issue 8, "Secrets"): a credential carrying CANARY_MARKER goes through each provider's preview
// and apply; the marker may travel to the server in a server action's POST body and nowhere else, and must
// never come back: not in a response, the URL or history, browser storage, cookies, or the server's log.
// Each provider's test uses its own hostname, so they can run alongside each other and the other spec files.
test.beforeEach(({ page }, testInfo) => actAsOwnClient(page, testInfo));

const SERVER_LOG = path.join(__dirname, "..", ".e2e", "server.log");

// `runs`: the apply runs the UI makes before it reports the run complete, with these fakes (e2e/start-fakes.ts);
// every run after the first is a poll. KeyCDN is complete after its first run, so the UI does not poll it.
const PROVIDERS = [
  // The certificate is pending on the first run (issueAfterDescribes: 1); the poll creates the distribution.
  { cdn: "cloudfront", name: "Amazon CloudFront", fields: { "AWS access key ID": CANARY_AWS.accessKeyId, "AWS secret access key": CANARY_AWS.secretAccessKey }, runs: 2 },
  // Records start DNS only and the UI polls; the person's confirmation then runs apply once more (proxy on).
  { cdn: "cloudflare", name: "Cloudflare", fields: { "Cloudflare API token": CANARY_CLOUDFLARE_TOKEN }, runs: 3, confirm: true },
  // The TLS subscription is pending, then processing, then issued: one read each (readsPerState: 1).
  { cdn: "fastly", name: "Fastly", fields: { "Fastly API token": CANARY_FASTLY_TOKEN }, runs: 3 },
  { cdn: "keycdn", name: "KeyCDN", fields: { "KeyCDN API key": CANARY_KEYCDN_KEY }, runs: 1 },
] as const;

interface Sent {
  method: string;
  url: string;
  action: boolean;
  headers: string;
  body: string;
}

interface Received {
  url: string;
  type: string;
  action: boolean;
  document: boolean;
  headers: string;
  body: string;
}

/**
 * Everything the page sends and receives from now on, and every URL its main frame navigates to. Each request
 * goes through a route that fetches the response, keeps a copy of its body and hands it to the page:
 * Chromium's own copy of a streamed body (RSC payloads, prefetches) is not reliably kept for a test to read.
 */
async function recordTraffic(page: Page) {
  const sent: Sent[] = [];
  const received: Received[] = [];
  const navigations: string[] = [];
  await page.route("**/*", async (route) => {
    const req = route.request();
    const headers = await req.allHeaders();
    const action = headers["next-action"] !== undefined;
    sent.push({ method: req.method(), url: req.url(), action, headers: JSON.stringify(headers), body: req.postData() ?? "" });
    const response = await route.fetch({ maxRedirects: 0 });
    // latin1 keeps every byte as one character, so a marker in any body (text or binary) is found as is.
    const body = (await response.body()).toString("latin1");
    const type = response.headers()["content-type"] ?? "";
    received.push({ url: req.url(), type, action, document: req.resourceType() === "document", headers: JSON.stringify(response.headersArray()), body });
    await route.fulfill({ response });
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  return { sent, received, navigations, actions: () => sent.filter((r) => r.action).length };
}

/** What the page itself can read: URL, history, timing entries, storage, cookies, IndexedDB and caches. */
async function browserState(page: Page) {
  return page.evaluate(async () => ({
    url: location.href,
    historyLength: history.length,
    timing: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => e.name),
    local: { ...localStorage },
    session: { ...sessionStorage },
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: "caches" in self ? await caches.keys() : [],
  }));
}

type Traffic = Awaited<ReturnType<typeof recordTraffic>>;
type BrowserState = Awaited<ReturnType<typeof browserState>>;

/** The one place the canary's assertions live. `states` are snapshots taken before and after the reload. */
async function expectNoLeak(page: Page, url: string, traffic: Traffic, states: BrowserState[], minActions: number, carriesCredentials: (r: Sent) => boolean = () => true) {
  const { sent, received, navigations } = traffic;

  // The request side: the credential did travel (so this test can fail), in server action POST bodies only
  // (`carriesCredentials` leaves out actions that take none, such as the DNS host's detection).
  const actions = sent.filter((r) => r.action);
  expect(actions.length).toBeGreaterThanOrEqual(minActions);
  expect(actions.every((r) => r.method === "POST")).toBe(true);
  expect(sent.filter((r) => r.body.includes(CANARY_MARKER))).toEqual(actions.filter(carriesCredentials));
  expect(sent.filter((r) => r.url.includes(CANARY_MARKER) || r.headers.includes(CANARY_MARKER))).toEqual([]);

  // Every response, each with its body: the two documents (first load and reload), every action's RSC
  // payload, and the rest (scripts, styles, fonts, prefetched RSC payloads).
  expect(received).toHaveLength(sent.length);
  expect(received.filter((r) => r.document && r.type.startsWith("text/html"))).toHaveLength(2);
  const actionBodies = received.filter((r) => r.action && r.type.startsWith("text/x-component"));
  expect(actionBodies).toHaveLength(actions.length);
  expect(received.filter((r) => r.body.includes(CANARY_MARKER) || r.headers.includes(CANARY_MARKER)).map((r) => r.url)).toEqual([]);

  // The URL and every history entry: each main-frame navigation (history API ones included) is the one
  // setup URL the test opened, and history holds that page and the blank page before it.
  expect(page.url()).toBe(url);
  expect(navigations.length).toBeGreaterThanOrEqual(2);
  expect([...new Set(navigations)]).toEqual([url]);

  // What scripts on the page can read, before and after the reload.
  for (const state of states) {
    expect(state.url).toBe(url);
    expect(state.historyLength).toBe(2);
    expect(state.timing).toContain(url);
    expect(state.indexedDB).toEqual([]);
    expect(JSON.stringify(state)).not.toContain(CANARY_MARKER);
  }
  expect(JSON.stringify(await page.context().cookies())).not.toContain(CANARY_MARKER);

  // The server's stdout and stderr: not the credential, nor any part of it that carries the marker.
  const log = readFileSync(SERVER_LOG, "utf8");
  expect(log).toContain("Ready");
  expect(log).not.toContain(CANARY_MARKER);
}

for (const p of PROVIDERS) {
  test(`${p.name}: the canary credential never reaches a response, the URL, storage or the server log`, async ({ page }) => {
    const host = `ablink.canary-${p.cdn}.customer.com`;
    const traffic = await recordTraffic(page);
    const url = `${test.info().project.use.baseURL}/setup?cdn=${p.cdn}&host=${host}&mode=apply&step=configure`;
    await openApplyStep(page, p.cdn, [host], p.fields);
    await previewAndApply(page);
    if ("confirm" in p) {
      await expect(page.getByText("Waiting", { exact: true })).toHaveCount(1, { timeout: 30_000 });
      // Preview, apply, then one poll while the records wait for the person's confirmation.
      await expect.poll(traffic.actions, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
      await page.getByLabel(/SendGrid shows this link branding as verified/).check();
    }
    await expect(page.getByRole("link", { name: /Continue: test before the switch/ })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText("Failed", { exact: true })).toHaveCount(0);
    // The preview, then every apply run the UI made (polls included) before it reported the run complete.
    const minActions = 1 + p.runs;
    await expect.poll(traffic.actions).toBeGreaterThanOrEqual(minActions);

    const beforeReload = await browserState(page);
    await page.reload();
    // The reloaded form starts empty: nothing kept the credential for it.
    for (const label of Object.keys(p.fields)) await expect(page.getByLabel(label)).toHaveValue("");
    const afterReload = await browserState(page);

    // Let every request in flight finish its round through the route, so the record is complete.
    await page.unrouteAll({ behavior: "wait" });
    await expectNoLeak(page, url, traffic, [beforeReload, afterReload], minActions);
  });
}

test("the DNS host (Route 53): the canary credential reads, switches and rolls back, and never reaches a response, the URL, storage or the server log", async ({ page }) => {
  const host = DNS_HOSTS.canary;
  await setRecord(host, "sendgrid.net");
  const traffic = await recordTraffic(page);
  const url = `${test.info().project.use.baseURL}/setup?cdn=cloudfront&host=${host}&target=${VERIFY_TARGET}&link=${encodeURIComponent(VERIFY_LINK)}&mode=manual&step=dns`;
  await page.goto(url);
  await expect(page.getByText(`${host}: Amazon Route 53`)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("AWS access key ID").fill(CANARY_AWS.accessKeyId);
  await page.getByLabel("AWS secret access key").fill(CANARY_AWS.secretAccessKey);
  await page.getByRole("button", { name: `Read the current record of ${host}` }).click();
  await page.getByRole("button", { name: `Switch DNS for ${host}` }).click();
  await page.getByRole("button", { name: `Roll back ${host}` }).click({ timeout: 30_000 });
  await expect(page.getByText(`Rolled back ${host}`)).toBeVisible({ timeout: 30_000 });
  // Detection (no credential), then read, switch and roll back (each with it).
  await expect.poll(traffic.actions).toBeGreaterThanOrEqual(4);

  const beforeReload = await browserState(page);
  await page.reload();
  await expect(page.getByText(`Rolled back ${host}`)).toBeVisible();
  for (const label of ["AWS access key ID", "AWS secret access key"]) await expect(page.getByLabel(label)).toHaveValue("");
  const afterReload = await browserState(page);

  await page.unrouteAll({ behavior: "wait" });
  // The detection action carries the hostnames and no account: every other action carries the credential.
  await expectNoLeak(page, url, traffic, [beforeReload, afterReload], 4, (r) => !r.body.includes('"hosts"'));
});
