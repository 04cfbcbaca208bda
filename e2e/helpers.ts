import AxeBuilder from "@axe-core/playwright";
import { ACMClient } from "@aws-sdk/client-acm";
import { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import { expect, type Page, type TestInfo } from "@playwright/test";
import type { Fault, FakeCall } from "@/lib/sandbox/http-fake";
import { E2E_AWS } from "./accounts";
import { FAKE_PORTS } from "./ports";

// What several spec files do the same way. The fakes are shared by every spec file running at the same time
// (Playwright's serial mode orders tests within one file only): scope faults and checks to your own hosts.

/** The two-host CloudFront plan most page checks use. */
export const SAMPLE_QUERY = "cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com";

/** Every kind of page: home, each wizard step that renders differently, and the checklist. */
export const CORE_PAGES = [
  "/",
  "/setup",
  "/setup?cdn=cloudfront&step=hosts",
  `/setup?${SAMPLE_QUERY}&step=mode`,
  `/setup?${SAMPLE_QUERY}&mode=manual&step=configure`,
  `/setup?${SAMPLE_QUERY}&mode=apply&step=configure`,
  `/setup?${SAMPLE_QUERY}&mode=manual&step=dns`,
  `/checklist?${SAMPLE_QUERY}`,
];

export const fakeUrl = (port: number) => `http://127.0.0.1:${port}`;

/** The fake's call log, optionally only one operation. */
export async function fakeCalls(port: number, op?: string): Promise<FakeCall[]> {
  const all = (await (await fetch(`${fakeUrl(port)}/__sandbox/calls`)).json()) as FakeCall[];
  return op === undefined ? all : all.filter((c) => c.op === op);
}

export async function injectFaults(port: number, faults: Fault[]): Promise<void> {
  await fetch(`${fakeUrl(port)}/__sandbox/faults`, { method: "POST", body: JSON.stringify(faults) });
}

/**
 * Makes this test its own client for the app's per-client rate limits (keyed on X-Forwarded-For, see
 * lib/verify/rate-limit.ts), so apply flows running at the same time do not spend one shared budget. Only a
 * header: the address (TEST-NET-3, RFC 5737) is never connected to.
 */
export async function actAsOwnClient(page: Page, testInfo: TestInfo) {
  let hash = 0;
  for (const c of testInfo.testId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${(hash % 250) + 1}` });
}

/** SDK clients on the e2e AWS account, for checking what apply left in the fakes. */
export function awsClients() {
  const config = { region: "us-east-1", credentials: E2E_AWS, maxAttempts: 1 };
  return {
    cloudfront: new CloudFrontClient({ ...config, endpoint: fakeUrl(FAKE_PORTS.cloudfront) }),
    acm: new ACMClient({ ...config, endpoint: fakeUrl(FAKE_PORTS.acm) }),
  };
}

/** The apply step for these hosts, with the credential fields filled in (label → value). */
export async function openApplyStep(page: Page, cdn: string, hosts: string[], fields: Record<string, string> = {}) {
  await page.goto(`/setup?cdn=${cdn}&${hosts.map((h) => `host=${h}`).join("&")}&mode=apply&step=configure`);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
}

/** Continue to the preview (which changes nothing), then Apply. */
export async function previewAndApply(page: Page) {
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByText("Nothing has been changed yet.")).toBeVisible();
  await page.getByRole("button", { name: /Apply/ }).click();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
