import { expect, test, type Page } from "@playwright/test";
import { E2E_AWS } from "./accounts";
import { DNS_HOSTS, DNS_ZONE, LINK_TTL, ownerOf } from "./dns-scenarios";
import { recordOf, setRecord } from "./route53";
import { actAsOwnClient, expectNoAxeViolations, fakeCalls, injectFaults, openApplyStep, previewAndApply } from "./helpers";
import { FAKE_PORTS } from "./ports";
import { VERIFY_LINK, VERIFY_TARGET } from "./verify-scenarios";

/**
 * The switch at the DNS host (issue 17) on the loopback world: the Route 53 fake holds the zone, its INSYNC changes are
 * what the loopback DNS answers, and the CDN answers (or does not) on the loopback HTTPS/HTTP servers. Each test has
 * its own host (e2e/dns-scenarios.ts) and puts its record back to SendGrid first.
 */
test.beforeEach(({ page }, testInfo) => actAsOwnClient(page, testInfo));

const dnsStep = (host: string, extra = "") => `/setup?cdn=cloudfront&host=${host}&target=${VERIFY_TARGET}&link=${encodeURIComponent(VERIFY_LINK)}&mode=manual&step=dns${extra}`;

/** The panel with Route 53 detected and the e2e account's credentials typed in. */
async function openPanel(page: Page, host: string, extra = "") {
  await page.goto(dnsStep(host, extra));
  await expect(page.getByRole("heading", { name: "Switch DNS at your DNS host" })).toBeVisible();
  await expect(page.getByText(`${host}: Amazon Route 53, zone ${DNS_ZONE}`)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Amazon Route 53", exact: true })).toBeChecked();
  await page.getByLabel("AWS access key ID").fill(E2E_AWS.accessKeyId);
  await page.getByLabel("AWS secret access key").fill(E2E_AWS.secretAccessKey);
}

/** Desktop (the whole page) and 360 px (the switch panel), for looking at. */
async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('section[aria-labelledby="dns-switch-title"]').screenshot({ path: test.info().outputPath(`${name}-360.png`) });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 720 });
}

const table = (page: Page) => page.getByRole("table", { name: /now and after the switch/ });

test("the switch is refused while the CDN fails the check for that host, even with the override, and nothing changes", async ({ page }) => {
  const host = DNS_HOSTS.broken;
  await setRecord(host, "sendgrid.net");
  await openPanel(page, host, "&override=1");
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet" })).toBeVisible();
  await page.getByRole("button", { name: `Read the current record of ${host}` }).click();
  await expect(table(page).getByRole("row", { name: /^Now CNAME/ })).toContainText("sendgrid.net");
  await page.getByRole("button", { name: `Switch DNS for ${host}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Not switched: the CDN is not proven for ${host} right now` })).toBeVisible({ timeout: 30_000 });
  expect(await recordOf(host)).toEqual(["CNAME", LINK_TTL, ["sendgrid.net"]]);
});

test("switch only the link record once the CDN passes; the verifier sees the new answer; roll back after a reload restores it exactly", async ({ page }) => {
  const host = DNS_HOSTS.switchBack;
  await setRecord(host, "sendgrid.net");
  const owner = await recordOf(ownerOf(host));
  await openPanel(page, host);
  await expect(page.getByRole("heading", { name: "Ready to switch", level: 3 })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: `Read the current record of ${host}` }).click();
  await expect(table(page).getByRole("row", { name: /^Now/ })).toHaveText(`NowCNAME${LINK_TTL} s (1 hour)sendgrid.net`);
  await expect(table(page).getByRole("row", { name: /^After the switch/ })).toHaveText(`After the switchCNAME${LINK_TTL} s (1 hour)${VERIFY_TARGET}`);
  await expect(page.getByRole("button", { name: `Lower the TTL of ${host} to 5 minutes first` })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "dns-before");

  await page.getByRole("button", { name: `Switch DNS for ${host}` }).click();
  const switched = `Switched ${host} from sendgrid.net to ${VERIFY_TARGET}: every one of the DNS host's name servers has it. The zone's name servers answer with it. Public resolvers may keep the old answer for up to 1 hour (the old TTL).`;
  await expect(page.getByText(switched)).toBeVisible({ timeout: 30_000 });
  expect(await recordOf(host)).toEqual(["CNAME", LINK_TTL, [VERIFY_TARGET]]);
  expect(await recordOf(ownerOf(host))).toEqual(owner);
  // The verifier sees the new answer: after a Re-check the host is judged by name, through the CDN.
  await page.getByRole("button", { name: "Re-check" }).click();
  await expect(page.getByRole("heading", { name: "Switched: every hostname answers through the CDN" })).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
  await screenshots(page, "dns-switched");

  // The previous value is printed on the checklist.
  const checklist = await page.getByRole("link", { name: "Printable checklist with the previous values" }).getAttribute("href");
  await page.goto(checklist!);
  await expect(page.getByText("Previous value (before the DNS switch)")).toBeVisible();
  await expect(page.getByText(`${host} CNAME sendgrid.net`)).toBeVisible();

  // After a reload the result, its previous value and Roll back are still there; the credentials are not.
  await page.goto(dnsStep(host));
  await expect(page.getByText(switched)).toBeVisible();
  await expect(page.getByLabel("AWS secret access key")).toHaveValue("");
  await page.getByLabel("AWS access key ID").fill(E2E_AWS.accessKeyId);
  await page.getByLabel("AWS secret access key").fill(E2E_AWS.secretAccessKey);
  await page.getByRole("button", { name: `Roll back ${host}` }).click();
  await expect(page.getByText(`Rolled back ${host} to CNAME sendgrid.net (TTL ${LINK_TTL} s)`)).toBeVisible({ timeout: 30_000 });
  expect(await recordOf(host)).toEqual(["CNAME", LINK_TTL, ["sendgrid.net"]]);
  expect(await recordOf(ownerOf(host))).toEqual(owner);
  await expectNoAxeViolations(page);
  await screenshots(page, "dns-rolled-back");
});

test("a record edited by someone else between the read and the switch: refused, nothing changed, the new value shown", async ({ page }) => {
  const host = DNS_HOSTS.raced;
  await setRecord(host, "sendgrid.net");
  await openPanel(page, host);
  await expect(page.getByRole("heading", { name: "Ready to switch", level: 3 })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: `Read the current record of ${host}` }).click();
  await expect(table(page)).toBeVisible();
  await setRecord(host, "sendgrid.net", 300);
  await page.getByRole("button", { name: `Switch DNS for ${host}` }).click();
  const alert = page.getByRole("alert").filter({ hasText: `The record for ${host} changed at Amazon Route 53 since it was read, so nothing was written.` });
  await expect(alert).toContainText("It is now CNAME sendgrid.net (TTL 300 s).", { timeout: 30_000 });
  expect(await recordOf(host)).toEqual(["CNAME", 300, ["sendgrid.net"]]);
});

test("Route 53 throttles the change three times in a row (past the SDK's retries): a clear message, and the record is unchanged", async ({ page }) => {
  const host = DNS_HOSTS.throttled;
  await setRecord(host, "sendgrid.net");
  const before = (await fakeCalls(FAKE_PORTS.route53, "ChangeResourceRecordSets")).filter((c) => c.fault === 400).length;
  await openPanel(page, host);
  await expect(page.getByRole("heading", { name: "Ready to switch", level: 3 })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: `Read the current record of ${host}` }).click();
  await expect(table(page)).toBeVisible();
  await injectFaults(FAKE_PORTS.route53, [
    {
      match: "ChangeResourceRecordSets",
      status: 400,
      times: 3,
      bodyIncludes: host,
      contentType: "text/xml",
      body: '<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>e2e</RequestId></ErrorResponse>',
    },
  ]);
  await page.getByRole("button", { name: `Switch DNS for ${host}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Route 53 asked to slow down" })).toHaveText(`Route 53 asked to slow down (Throttling) while trying to change the record of ${host}, and still did after the SDK's retries. Nothing was changed: the record is still sendgrid.net.Wait a minute, then try again: a change batch is all or nothing, so trying again is safe.The record now: CNAME sendgrid.net (TTL ${LINK_TTL} s).`, { timeout: 30_000 });
  expect((await fakeCalls(FAKE_PORTS.route53, "ChangeResourceRecordSets")).filter((c) => c.fault === 400).length - before).toBe(3);
  expect(await recordOf(host)).toEqual(["CNAME", LINK_TTL, ["sendgrid.net"]]);
});

test("validation records: the apply report's certificate CNAME is created at Route 53, DNS only, and found again the second time", async ({ page }) => {
  const host = `ablink.dns-acm.${DNS_ZONE}`;
  await openApplyStep(page, "cloudfront", [host], { "AWS access key ID": E2E_AWS.accessKeyId, "AWS secret access key": E2E_AWS.secretAccessKey });
  await previewAndApply(page);
  const panel = page.locator("details").filter({ hasText: "Create the validation records at your DNS host" });
  await panel.getByText("Create the validation records at your DNS host").click({ timeout: 45_000 });
  await panel.getByRole("radio", { name: "Amazon Route 53", exact: true }).check();
  await panel.getByLabel("AWS access key ID").fill(E2E_AWS.accessKeyId);
  await panel.getByLabel("AWS secret access key").fill(E2E_AWS.secretAccessKey);
  await panel.getByRole("button", { name: "Create 1 validation record at Amazon Route 53" }).click();
  const result = panel.getByRole("listitem").filter({ hasText: `.${host}: created (DNS only)` });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const name = (await result.textContent())!.split(":")[0]!;
  const [type, ttl, values] = await recordOf(name);
  expect([type, ttl, values.length, /\.acm-validations\.aws\.?$/.test(values[0] ?? "")]).toEqual(["CNAME", 300, 1, true]);
  await panel.getByRole("button", { name: "Create 1 validation record at Amazon Route 53" }).click();
  await expect(panel.getByRole("listitem").filter({ hasText: `${name}: already there` })).toBeVisible({ timeout: 30_000 });
});
