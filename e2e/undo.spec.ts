import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { CloudFrontClient, GetDistributionCommand } from "@aws-sdk/client-cloudfront";
import { ACMClient, DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { E2E_AWS, E2E_KEYCDN_KEY } from "./accounts";
import { FAKE_PORTS } from "./ports";

// Apply, then undo what that run created, against the e2e fakes; then check the fakes' state and call log.
test.describe.configure({ mode: "serial" });

const fake = (port: number) => `http://127.0.0.1:${port}`;

async function applyWith(page: Page, cdn: string, host: string, fill: () => Promise<void>) {
  await page.goto(`/setup?cdn=${cdn}&host=${host}&mode=apply&step=configure`);
  await fill();
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByText("Nothing has been changed yet.")).toBeVisible();
  await page.getByRole("button", { name: /Apply/ }).click();
  await expect(page.getByRole("link", { name: /Continue: test before the switch/ })).toBeVisible({ timeout: 45_000 });
}

/** The ids listed under "What this run created", by kind. */
async function createdIds(page: Page): Promise<Record<string, string>> {
  const items = page.getByRole("region", { name: "What this run created" }).getByRole("listitem");
  const out: Record<string, string> = {};
  for (const item of await items.all()) {
    const id = (await item.locator("code").textContent()) ?? "";
    const kind = ((await item.textContent()) ?? "").split(id)[0]!.trim();
    out[kind] = id;
  }
  return out;
}

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function confirmUndo(page: Page, count: number, account: RegExp) {
  await page.getByRole("button", { name: "Undo what this run created" }).click();
  const confirm = page.getByRole("region", { name: new RegExp(`Remove these ${count} resources from ${account.source}\\?`) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("heading")).toBeFocused();
  await expect(confirm.getByRole("listitem")).toHaveCount(count);
  await noAxeViolations(page);
  await confirm.getByRole("button", { name: `Remove these ${count} resources` }).click();
}

async function calls(port: number): Promise<{ op: string; method: string; path: string }[]> {
  return (await (await fetch(`${fake(port)}/__sandbox/calls`)).json()) as { op: string; method: string; path: string }[];
}

test("KeyCDN: apply, then undo removes the zone and the alias it created, and nothing else", async ({ page }) => {
  const host = "ablink.undo-e2e.customer.com";
  await applyWith(page, "keycdn", host, () => page.getByLabel("KeyCDN API key").fill(E2E_KEYCDN_KEY));
  const ids = await createdIds(page);
  expect(Object.keys(ids)).toEqual(["KeyCDN pull zone", "KeyCDN zone alias"]);

  await confirmUndo(page, 2, /your KeyCDN account/);
  const result = page.getByRole("region", { name: "Undo", exact: true });
  await expect(result.getByText("2 of 2 removed.")).toBeVisible({ timeout: 30_000 });
  await expect(result.getByText("Removed", { exact: true })).toHaveCount(2);
  await expect(page.getByRole("link", { name: /Continue: test before the switch/ })).toHaveCount(0);
  await noAxeViolations(page);

  const log = await calls(FAKE_PORTS.keycdn);
  expect(log.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual(
    expect.arrayContaining([`/zonealiases/${ids["KeyCDN zone alias"]}.json`, `/zones/${ids["KeyCDN pull zone"]}.json`]),
  );
  const auth = { authorization: `Basic ${Buffer.from(`${E2E_KEYCDN_KEY}:`).toString("base64")}` };
  const zones = (await (await fetch(`${fake(FAKE_PORTS.keycdn)}/zones.json`, { headers: auth })).json()) as { data: { zones: { id: string }[] } };
  const aliases = (await (await fetch(`${fake(FAKE_PORTS.keycdn)}/zonealiases.json`, { headers: auth })).json()) as { data: { zonealiases: { id: string; name: string }[] } };
  expect(zones.data.zones.map((z) => z.id)).not.toContain(ids["KeyCDN pull zone"]);
  expect(aliases.data.zonealiases.map((a) => a.name)).not.toContain(host);
});

test("CloudFront: undo disables the distribution, waits for the deployment, then deletes it and its certificate", async ({ page }) => {
  const host = "ablink.undo-e2e.customer.com";
  await applyWith(page, "cloudfront", host, async () => {
    await page.getByLabel("AWS access key ID").fill(E2E_AWS.accessKeyId);
    await page.getByLabel("AWS secret access key").fill(E2E_AWS.secretAccessKey);
  });
  const ids = await createdIds(page);
  expect(Object.keys(ids).sort()).toEqual(["ACM certificate", "CloudFront distribution"]);

  await confirmUndo(page, 2, /your Amazon CloudFront account/);
  const result = page.getByRole("region", { name: "Undo", exact: true });
  // First the distribution is disabled and undo waits for that to deploy, then it continues by itself.
  await expect(result.getByText(/Disabled: it no longer serves/)).toBeVisible({ timeout: 30_000 });
  await noAxeViolations(page);
  await expect(result.getByText("2 of 2 removed.")).toBeVisible({ timeout: 45_000 });

  const distributionId = ids["CloudFront distribution"]!;
  const log = await calls(FAKE_PORTS.cloudfront);
  expect(log.filter((c) => c.path.includes(distributionId)).map((c) => c.op)).toEqual(expect.arrayContaining(["UpdateDistribution", "DeleteDistribution"]));
  const credentials = { accessKeyId: E2E_AWS.accessKeyId, secretAccessKey: E2E_AWS.secretAccessKey };
  const cf = new CloudFrontClient({ region: "us-east-1", endpoint: fake(FAKE_PORTS.cloudfront), credentials, maxAttempts: 1 });
  const acm = new ACMClient({ region: "us-east-1", endpoint: fake(FAKE_PORTS.acm), credentials, maxAttempts: 1 });
  await expect(cf.send(new GetDistributionCommand({ Id: distributionId }))).rejects.toMatchObject({ name: "NoSuchDistribution" });
  await expect(acm.send(new DescribeCertificateCommand({ CertificateArn: ids["ACM certificate"] }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
