import { expect, test, type Page } from "@playwright/test";
import { VERIFY_ESP_HOSTS, VERIFY_SES_REGION, VERIFY_TARGET } from "./verify-scenarios";

/**
 * Live verification per email provider, on the loopback world (e2e/start-fakes.ts): SparkPost's and Amazon SES's
 * origins answer their own published checks, so no tracked link is needed; a SparkPost host whose CDN reaches
 * SendGrid fails with its cause and fix.
 */

const { sparkpost, ses, wrongEsp } = VERIFY_ESP_HOSTS;
const testStep = (esp: string, host: string) => `/setup?cdn=cloudfront&${esp}&host=${host}&target=${VERIFY_TARGET}&mode=manual&step=test`;

let client = 0;
test.beforeEach(async ({ page }, testInfo) => {
  client += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(testInfo.workerIndex * 50 + client + 20) % 250}` });
});

const CHECKS = ["HSTS", "CDN before switch", "DNS", "TLS", "HTTP", "HTTPS"];
async function expectChips(page: Page, host: string, words: string[]) {
  const chips = page.getByRole("list", { name: `Checks for ${host}` }).getByRole("listitem");
  await expect(chips).toHaveText(CHECKS.map((c, i) => new RegExp(`${c}: ${words[i]}$`)));
}

test("a correct SparkPost answer: its own check passes without a tracked link, ready to switch", async ({ page }) => {
  await page.goto(testStep("esp=sparkpost", sparkpost));
  await expect(page.getByRole("textbox", { name: "Tracked link from a sent email (optional)" })).toHaveValue("");
  await expect(page.locator("#verify-link-hint")).toContainText("Without one, each check requests GET /f/a/b/c/d on every hostname, SparkPost's own test");
  await expectChips(page, sparkpost, ["passing", "passing", "passing", "passing", "passing", "passing"]);
  await expect(page.getByText(`Ready to switch: the CDN at ${VERIFY_TARGET} answers ${sparkpost} correctly.`)).toBeVisible();
  await page.getByRole("article", { name: sparkpost }).getByText("What the verifier saw").click();
  await expect(page.getByRole("article", { name: sparkpost }).getByText("HTTP 302, Server: msys-http → https://www.example.com/").first()).toBeVisible();
});

test("a correct Amazon SES answer: HEAD /favicon.ico from its region over HTTPS, ready to switch", async ({ page }) => {
  await page.goto(testStep(`esp=ses&region=${VERIFY_SES_REGION}`, ses));
  await expectChips(page, ses, ["passing", "passing", "passing", "passing", "passing", "passing"]);
  await expect(page.getByText("Ready to switch: the CDN answers every hostname correctly.")).toBeVisible();
});

test("a wrong-ESP answer: a SparkPost host answered by SendGrid fails with its cause and fix, and the DNS step stays locked", async ({ page }) => {
  await page.goto(testStep("esp=sparkpost", wrongEsp));
  await expectChips(page, wrongEsp, ["passing", "failing", "passing", "passing", "failing", "failing"]);
  const failure = page.getByRole("article", { name: wrongEsp }).getByRole("listitem").filter({ hasText: "Cause:" }).first();
  await expect(failure).toContainText(
    "Cause: SparkPost answered, but not as the plan expects: it has no server header (server: msys-http expected), so the answer did not come from SparkPost's click tracker.",
  );
  await expect(failure).toContainText("Fix: In CloudFront, set the origin to spgo.io over HTTPS, as the Configure step shows, then Re-check.");
  await expect(failure.getByRole("link", { name: "Fix it in step 5: Configure" })).toBeVisible();

  await page.getByRole("link", { name: "Next: Update DNS" }).click();
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet", level: 3 })).toBeVisible();
  // SendGrid's re-validation warning is SendGrid's own: a SparkPost plan does not show it.
  await expect(page.getByRole("note").filter({ hasText: /^Do not re-validate link branding/ })).toHaveCount(0);
});
