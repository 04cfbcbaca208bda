import { expect, test, type Page } from "@playwright/test";
import { GetDistributionCommand } from "@aws-sdk/client-cloudfront";
import { DescribeCertificateCommand } from "@aws-sdk/client-acm";
import { E2E_AWS, E2E_KEYCDN_KEY } from "./accounts";
import { awsClients, expectNoAxeViolations, fakeCalls, fakeUrl, openApplyStep, previewAndApply } from "./helpers";
import { FAKE_PORTS } from "./ports";

// Apply, then undo what that run created, against the e2e fakes; then check the fakes' state and call log.
test.describe.configure({ mode: "serial" });

async function applyWith(page: Page, cdn: string, host: string, fields: Record<string, string>) {
  await openApplyStep(page, cdn, [host], fields);
  await previewAndApply(page);
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

async function confirmUndo(page: Page, count: number, account: RegExp) {
  await page.getByRole("button", { name: "Undo what this run created" }).click();
  const confirm = page.getByRole("region", { name: new RegExp(`Remove these ${count} resources from ${account.source}\\?`) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("heading")).toBeFocused();
  await expect(confirm.getByRole("listitem")).toHaveCount(count);
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: `Remove these ${count} resources` }).click();
}

test("KeyCDN: apply, then undo removes the zone and the alias it created, and nothing else", async ({ page }) => {
  const host = "ablink.undo-e2e.customer.com";
  await applyWith(page, "keycdn", host, { "KeyCDN API key": E2E_KEYCDN_KEY });
  const ids = await createdIds(page);
  expect(Object.keys(ids)).toEqual(["KeyCDN pull zone", "KeyCDN zone alias"]);

  await confirmUndo(page, 2, /your KeyCDN account/);
  const result = page.getByRole("region", { name: "Undo", exact: true });
  await expect(result.getByText("2 of 2 removed.")).toBeVisible({ timeout: 30_000 });
  await expect(result.getByText("Removed", { exact: true })).toHaveCount(2);
  await expect(page.getByRole("link", { name: /Continue: test before the switch/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const log = await fakeCalls(FAKE_PORTS.keycdn);
  expect(log.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual(
    expect.arrayContaining([`/zonealiases/${ids["KeyCDN zone alias"]}.json`, `/zones/${ids["KeyCDN pull zone"]}.json`]),
  );
  const auth = { authorization: `Basic ${Buffer.from(`${E2E_KEYCDN_KEY}:`).toString("base64")}` };
  const zones = (await (await fetch(`${fakeUrl(FAKE_PORTS.keycdn)}/zones.json`, { headers: auth })).json()) as { data: { zones: { id: string }[] } };
  const aliases = (await (await fetch(`${fakeUrl(FAKE_PORTS.keycdn)}/zonealiases.json`, { headers: auth })).json()) as { data: { zonealiases: { id: string; name: string }[] } };
  expect(zones.data.zones.map((z) => z.id)).not.toContain(ids["KeyCDN pull zone"]);
  expect(aliases.data.zonealiases.map((a) => a.name)).not.toContain(host);
});

test("CloudFront: undo disables the distribution, waits for the deployment, then deletes it and its certificate", async ({ page }) => {
  const host = "ablink.undo-e2e.customer.com";
  await applyWith(page, "cloudfront", host, { "AWS access key ID": E2E_AWS.accessKeyId, "AWS secret access key": E2E_AWS.secretAccessKey });
  const ids = await createdIds(page);
  expect(Object.keys(ids).sort()).toEqual(["ACM certificate", "CloudFront distribution"]);

  await confirmUndo(page, 2, /your Amazon CloudFront account/);
  const result = page.getByRole("region", { name: "Undo", exact: true });
  // First the distribution is disabled and undo waits for that to deploy, then it continues by itself.
  await expect(result.getByText(/Disabled: it no longer serves/)).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
  await expect(result.getByText("2 of 2 removed.")).toBeVisible({ timeout: 45_000 });

  const distributionId = ids["CloudFront distribution"]!;
  const log = await fakeCalls(FAKE_PORTS.cloudfront);
  expect(log.filter((c) => c.path.includes(distributionId)).map((c) => c.op)).toEqual(expect.arrayContaining(["UpdateDistribution", "DeleteDistribution"]));
  const { cloudfront: cf, acm } = awsClients();
  await expect(cf.send(new GetDistributionCommand({ Id: distributionId }))).rejects.toMatchObject({ name: "NoSuchDistribution" });
  await expect(acm.send(new DescribeCertificateCommand({ CertificateArn: ids["ACM certificate"] }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
