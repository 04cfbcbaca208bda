import { expect, test, type Page } from "@playwright/test";
import { VERIFY_HOSTS, VERIFY_LINK, VERIFY_OTHER_CDN, VERIFY_TARGET } from "./verify-scenarios";
import { expectNoAxeViolations } from "./helpers";

/**
 * Live verification in the wizard (issue 6), against the loopback DNS, TLS and HTTP servers and the fake
 * hstspreload.org that e2e/start-fakes.ts starts; the app runs with the verifier's test-only settings
 * (e2e/ports.ts), so no check leaves 127.0.0.1.
 */

const { ready, wildcard, elsewhere } = VERIFY_HOSTS;
const enc = encodeURIComponent;
const plan = (hosts: string[], extra = "") => `cdn=cloudfront&${hosts.map((h) => `host=${h}`).join("&")}${extra}&mode=manual`;
const withTargets = (hosts: string[]) => hosts.map(() => `&target=${VERIFY_TARGET}`).join("");
const linkParam = `&link=${enc(VERIFY_LINK)}`;

// The route rate-limits per client (X-Forwarded-For): each test is its own client, so parallel tests never
// wait on each other's budget.
let client = 0;
test.beforeEach(async ({ page }, testInfo) => {
  client += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(testInfo.workerIndex * 50 + client) % 250}` });
});

const chips = (page: Page, host: string) => page.getByRole("list", { name: `Checks for ${host}` }).getByRole("listitem");
const CHECKS = ["HSTS", "CDN before switch", "DNS", "TLS", "HTTP", "HTTPS"];

async function expectChips(page: Page, host: string, words: string[]) {
  await expect(chips(page, host)).toHaveText(CHECKS.map((c, i) => `${c}: ${words[i]}`).map((t) => new RegExp(`${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)));
}

test("an all-pass host: enter the missing CDN address and the link, Re-check, Ready to switch; the DNS step reuses the result", async ({ page }) => {
  const verifyCalls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/verify")) verifyCalls.push(r.url());
  });
  await page.goto(`/setup?${plan([ready])}&step=test`);

  // No target yet: the before-switch check cannot run, and the page says so.
  await expect(page.getByRole("note").filter({ hasText: `The CDN address is missing for ${ready}` })).toBeVisible();
  await expectChips(page, ready, ["passing", "not run", "passing", "not run", "not run", "not run"]);
  await expect(page.getByRole("heading", { name: "HSTS pre-check" })).toBeVisible();
  await expect(page.getByText("Blast radius:")).toBeVisible();
  await expect(page.getByText("example-brand.com: browsers force HTTPS on its link hosts")).toBeVisible();

  await page.getByRole("textbox", { name: `CDN address for ${ready}` }).fill(VERIFY_TARGET);
  await page.getByRole("textbox", { name: "Tracked link from a sent email" }).fill(`https://${ready}${VERIFY_LINK}`);
  await page.getByRole("button", { name: "Re-check" }).click();

  // The inputs are in the URL now (non-secret), so a reload or a shared link checks the same thing.
  await expect.poll(() => new URL(page.url()).searchParams.getAll("target")).toEqual([VERIFY_TARGET]);
  expect(new URL(page.url()).searchParams.get("link")).toBe(VERIFY_LINK);
  await expectChips(page, ready, ["passing", "passing", "passing", "passing", "passing", "passing"]);
  await expect(page.getByText("Ready to switch: the CDN answers every hostname correctly.")).toBeVisible();
  await expect(page.getByText(`Ready to switch: the CDN at ${VERIFY_TARGET} answers ${ready} correctly.`)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Last checked at / })).toBeVisible();
  const callsBeforeDns = verifyCalls.length;

  await page.getByRole("link", { name: "Next: Update DNS" }).click();
  await expect(page.getByRole("heading", { name: "Ready to switch", level: 3 })).toBeVisible();
  await expect(page.getByRole("button", { name: `Copy record value for ${ready}` })).toBeVisible();
  await expect(page.getByRole("button", { name: /I understand the risk/ })).toHaveCount(0);
  await expect(page.getByRole("note").filter({ hasText: /^Do not re-validate link branding/ }).first()).toBeVisible();
  // The fresh result from the Test step is reused, not asked for again.
  expect(verifyCalls.length).toBe(callsBeforeDns);
});

test("a one-label wildcard certificate: failing chips with the exact cause and fix, and the DNS step locked", async ({ page }) => {
  await page.goto(`/setup?${plan([ready, wildcard], withTargets([ready, wildcard]) + linkParam)}&step=test`);
  await expectChips(page, wildcard, ["passing", "failing", "passing", "failing", "passing", "failing"]);
  await expectChips(page, ready, ["passing", "passing", "passing", "passing", "passing", "passing"]);
  await expect(page.getByText("Not ready to switch: 1 of 2 hostnames not proven yet. Fix what fails below, then Re-check.")).toBeVisible();

  const card = page.getByRole("article", { name: wildcard });
  const failure = card.getByRole("listitem").filter({ hasText: "Certificate and TLS" });
  await expect(failure.locator("p").first()).toHaveText("CDN answers before the DNS switch, Certificate and TLS, Tracked link over HTTPS: failing");
  await expect(failure).toContainText(
    `Cause: The certificate does not name ${wildcard}: the certificate names *.example-brand.com; a wildcard covers exactly one label, so *.example-brand.com covers wild.example-brand.com but not ${wildcard}, which has 2 labels in front of example-brand.com: the certificate must name ${wildcard} exactly. Browsers show ERR_CERT_COMMON_NAME_INVALID.`,
  );
  await expect(failure).toContainText(
    `Fix: Request a certificate for ${wildcard} exactly in ACM in us-east-1, validate it, and choose it as the distribution's Custom SSL certificate; ${wildcard} must also be in Alternate domain name (CNAME).`,
  );
  const fix = failure.getByRole("link", { name: "Fix it in step 5: Configure" });
  await expect(fix).toHaveAttribute("href", new RegExp(`^/setup\\?.*step=configure#host-${wildcard.replaceAll(".", "\\.")}$`));

  await page.getByRole("link", { name: "Next: Update DNS" }).click();
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet", level: 3 })).toBeVisible();
  const why = page.getByRole("listitem").filter({ hasText: `${wildcard}: The certificate does not name ${wildcard}` });
  await expect(why).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${ready}:` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Copy record value for ${wildcard}` })).toHaveCount(0);
  await expect(page.getByRole("note").filter({ hasText: /^Do not re-validate link branding/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "See every check and its fix in step 6: Test before the switch" })).toBeVisible();
});

test("a CNAME to a third name: DNS fails with what it points at and where it should, and the DNS step stays locked", async ({ page }) => {
  await page.goto(`/setup?${plan([elsewhere], withTargets([elsewhere]) + linkParam)}&step=test`);
  // The CDN answers perfectly through its address; only the DNS check fails.
  await expectChips(page, elsewhere, ["passing", "passing", "failing", "passing", "passing", "passing"]);
  await expect(page.getByText("Not ready to switch: 1 of 1 hostname not proven yet. Fix what fails below, then Re-check.")).toBeVisible();
  const cause = `${elsewhere} points at ${VERIFY_OTHER_CDN}, which is neither SendGrid (sendgrid.net) nor the CDN address ${VERIFY_TARGET}. Until the switch it must point at sendgrid.net; after it, at ${VERIFY_TARGET}.`;
  const failure = page.getByRole("article", { name: elsewhere }).getByRole("listitem").filter({ hasText: "DNS: failing" }).filter({ hasText: "Cause:" });
  await expect(failure.locator("p").first()).toHaveText("DNS: failing");
  await expect(failure).toContainText(`Cause: ${cause}`);
  await expect(failure).toContainText(`Fix: Edit the CNAME for ${elsewhere} so it points to sendgrid.net, exactly as SendGrid shows it (replace the record, do not add a second one), then Re-check.`);
  await expect(failure.getByRole("link", { name: "Fix it in step 7: Update DNS" })).toHaveAttribute("href", new RegExp(`step=dns#host-${elsewhere.replaceAll(".", "\\.")}$`));

  await page.getByRole("link", { name: "Next: Update DNS" }).click();
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet", level: 3 })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${elsewhere}: ${cause}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ready to switch" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Copy record value for ${elsewhere}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "I understand the risk: switch anyway" })).toBeVisible();
});

test("the override is explicit, recorded on the page and in the link, and can be withdrawn", async ({ page }) => {
  await page.goto(`/setup?${plan([wildcard], withTargets([wildcard]) + linkParam)}&step=dns`);
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet" })).toBeVisible();
  const override = page.getByRole("button", { name: "I understand the risk: switch anyway" });
  await override.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/[?&]override=1(&|$)/);
  const recorded = page.getByRole("note", { name: "Override recorded" });
  await expect(recorded).toContainText("Override recorded: you chose to switch anyway.");
  await expect(recorded).toContainText("This page's link carries the override (override=1)");
  // Still locked by the checks, and says so; the DNS change is shown.
  await expect(page.getByRole("heading", { name: "Switch locked: do not change DNS yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Copy record value for ${wildcard}` })).toBeVisible();

  // A shared link shows it.
  await page.reload();
  await expect(page.getByRole("note", { name: "Override recorded" })).toBeVisible();

  await page.getByRole("button", { name: "Withdraw the override" }).click();
  await expect(page).not.toHaveURL(/override=/);
  await expect(page.getByRole("note", { name: "Override recorded" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Copy record value for ${wildcard}` })).toHaveCount(0);
});

test("a bad tracked link gets a field error and is not sent", async ({ page }) => {
  await page.goto(`/setup?${plan([ready], withTargets([ready]))}&step=test`);
  await expectChips(page, ready, ["passing", "not run", "passing", "passing", "not run", "not run"]);
  const url = page.url();
  const field = page.getByRole("textbox", { name: "Tracked link from a sent email" });

  await field.fill("ls/click?upn=x");
  await page.getByRole("button", { name: "Re-check" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toBeFocused();
  await expect(page.locator("#verify-link-error")).toHaveText(
    'The tracked link "ls/click?upn=x" is not a tracked link: give its path and query (starting with /) or the whole URL on one of the hosts.',
  );
  expect(page.url()).toBe(url);

  await field.fill("https://elsewhere.example.org/ls/click?upn=x");
  await field.press("Enter");
  await expect(page.locator("#verify-link-error")).toHaveText(
    'The tracked link "https://elsewhere.example.org/ls/click?upn=x" is on "elsewhere.example.org", which is not one of the hosts being verified.',
  );
  expect(page.url()).toBe(url);

  // A shared link with a bad link opens with the error at the field, and the value kept to correct it.
  await page.goto(`${url}&link=${enc("<b>javascript:x</b>")}`);
  await expect(page.locator("#verify-link-error")).toHaveText('The tracked link "\\u003cb\\u003ejavascript:x\\u003c/b\\u003e" is not a tracked link: give its path and query (starting with /) or the whole URL on one of the hosts.');
  await expect(page.getByRole("textbox", { name: "Tracked link from a sent email" })).toHaveValue("<b>javascript:x</b>");
  await expect(page.locator("b", { hasText: "javascript" })).toHaveCount(0);
});

test("the last result prints with the checklist", async ({ page }) => {
  await page.goto(`/setup?${plan([ready, wildcard], withTargets([ready, wildcard]) + linkParam)}&step=test`);
  await expectChips(page, wildcard, ["passing", "failing", "passing", "failing", "passing", "failing"]);
  await page.getByRole("link", { name: "Print this result with the checklist" }).click();
  await expect(page).toHaveURL(/\/checklist\?.*verified=1\./);
  expect(page.url()).not.toContain("link=");
  const section = page.getByRole("region", { name: "Last verification" });
  await expect(section.getByText(`${ready}: ready to switch`)).toBeVisible();
  await expect(section.getByText(`${wildcard}: not ready to switch`)).toBeVisible();
  await expect(section.getByRole("list", { name: `Checks for ${wildcard}` }).getByRole("listitem")).toHaveText(
    CHECKS.map((c, i) => `${c}: ${["passing", "failing", "passing", "failing", "passing", "failing"][i]}`).map((t) => new RegExp(`${t}$`)),
  );
  await expect(section.getByRole("listitem").filter({ hasText: /^CDN answers before the DNS switch/ })).toHaveText(
    `CDN answers before the DNS switch, Certificate and TLS, Tracked link over HTTPS (failing): The certificate does not name the host. Fix: Request a certificate for ${wildcard} exactly in ACM in us-east-1, validate it, and choose it as the distribution's Custom SSL certificate; ${wildcard} must also be in Alternate domain name (CNAME).`,
  );
  await expect(section).toContainText("This page did not check again");
});

test("a pending check polls with a visible elapsed time, and stops by itself", async ({ page }) => {
  // The local servers cannot disagree with themselves, so DNS propagation is simulated in the browser: each
  // real answer from the app is marked "DNS pending" before the page sees it. The page's clock is fake, so
  // ten minutes of polling take no real time.
  await page.clock.install();
  let calls = 0;
  // The first answer is held until the test has seen the elapsed time of a running check.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/verify?*", async (route) => {
    calls += 1;
    if (calls === 1) await held;
    const response = await route.fetch();
    const report = await response.json();
    const dns = report.hosts[0].checks[2];
    report.hosts[0].checks[2] = { id: dns.id, title: dns.title, seen: dns.seen, elapsedMs: dns.elapsedMs, status: "pending", diagnosis: "dns-propagation", reason: "The change is propagating." };
    report.pending = true;
    await route.fulfill({ response, json: report });
  });
  await page.goto(`/setup?${plan([ready], withTargets([ready]) + linkParam)}&step=test`);
  await expect(page.getByRole("status").filter({ hasText: "Checking every hostname…" })).toBeVisible();
  await expectChips(page, ready, ["checking", "checking", "checking", "checking", "checking", "checking"]);
  await expect.poll(() => calls).toBe(1);
  await page.clock.fastForward("00:05");
  // The page's clock keeps running in real time as well: a second or two may have passed.
  await expect(page.getByTestId("verify-elapsed")).toHaveText(/^0:0[5-9]$/);
  release();

  await expectChips(page, ready, ["passing", "passing", "pending", "passing", "passing", "passing"]);
  const status = page.getByRole("status").filter({ hasText: /^Something is still pending/ });
  await expect(status).toHaveText(/checking again every 10 s, for at most 10:00\.$/);
  const elapsed = page.getByTestId("verify-elapsed");
  await expect(elapsed).toHaveText(/^0:0\d$/);
  expect(calls).toBe(1);

  await page.clock.fastForward("00:10");
  await expect.poll(() => calls).toBe(2);
  await expect(elapsed).toHaveText(/^0:[12]\d$/);

  await page.clock.fastForward("10:00");
  await expect.poll(() => calls).toBe(3);
  await expect(page.getByRole("status").filter({ hasText: "Stopped checking by itself after 10:00" })).toBeVisible();
  await expect(elapsed).toHaveCount(0);
  await page.clock.fastForward("05:00");
  await expect(page.getByRole("status").filter({ hasText: "Stopped checking by itself" })).toBeVisible();
  expect(calls).toBe(3);

  // Re-check starts again, with a fresh cap.
  await page.getByRole("button", { name: "Re-check" }).click();
  await expect.poll(() => calls).toBe(4);
  await expect(status).toBeVisible();
});

for (const step of ["test", "dns"] as const) {
  test(`axe: no violations on the ${step} step with results shown`, async ({ page }) => {
    await page.goto(`/setup?${plan([ready, wildcard], withTargets([ready, wildcard]) + linkParam)}&step=${step}`);
    if (step === "test") await expectChips(page, wildcard, ["passing", "failing", "passing", "failing", "passing", "failing"]);
    else await expect(page.getByRole("button", { name: "I understand the risk: switch anyway" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^Last checked at / })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
