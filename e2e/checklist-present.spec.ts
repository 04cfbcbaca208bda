import { expect, test, type Page } from "@playwright/test";
import { SAMPLE_QUERY } from "./helpers";

/**
 * present=1 on /checklist (contract: "turns on screen-share (presenter) mode") enlarges the type on screen like the
 * wizard's presenter mode, and leaves the printed page exactly as it is.
 */

const HOST = "ablink.subdomain.customer.com";

/** Every box on the page as printed: position, size, type size and colours (screenshots differ by a pixel run to run). */
const paperLayout = (page: Page) =>
  page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("*")]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const cs = getComputedStyle(e);
        return `${e.tagName} ${r.x},${r.y} ${r.width}x${r.height} ${cs.fontSize} ${cs.color} ${cs.backgroundColor}`;
      }),
  );

/** Computed font sizes of the checklist's body text: a step's intro paragraph and its first ticked action. */
async function bodyTextSizes(page: Page, path: string, media: "screen" | "print"): Promise<{ intro: number; action: number }> {
  await page.emulateMedia({ media });
  await page.goto(path);
  const section = page.getByRole("region", { name: HOST });
  const intro = section.locator("section > p").first();
  const action = section.getByRole("listitem").first();
  await expect(intro).toBeVisible();
  const size = (l: typeof intro) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return { intro: await size(intro), action: await size(action) };
}

test("presenter mode enlarges the checklist's body text at least 1.2× on screen, and prints it exactly as without", async ({ page }) => {
  const plain = await bodyTextSizes(page, `/checklist?${SAMPLE_QUERY}`, "screen");
  const present = await bodyTextSizes(page, `/checklist?${SAMPLE_QUERY}&present=1`, "screen");
  expect(plain).toEqual({ intro: 16, action: 14 });
  expect(present).toEqual({ intro: 20, action: 17.5 });
  expect(present.intro / plain.intro).toBeGreaterThanOrEqual(1.2);
  expect(present.action / plain.action).toBeGreaterThanOrEqual(1.2);
  await expect(page.getByText("Presenter mode: larger type for screen sharing.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Leave presenter mode" })).toHaveAttribute("href", `/checklist?${SAMPLE_QUERY}`);

  const plainPrint = await bodyTextSizes(page, `/checklist?${SAMPLE_QUERY}`, "print");
  const plainPaper = await paperLayout(page);
  const presentPrint = await bodyTextSizes(page, `/checklist?${SAMPLE_QUERY}&present=1`, "print");
  const presentPaper = await paperLayout(page);
  expect(presentPrint).toEqual(plainPrint);
  // 8 pt paper type (app/globals.css), the intro at text-sm: smaller than either screen size.
  expect(plainPrint.intro).toBeLessThan(plain.intro);
  await expect(page.getByText("Presenter mode: larger type for screen sharing.")).toBeHidden();
  // Not only the type: every box of the printed page is where it was, the same size and colour.
  expect(plainPaper.length).toBeGreaterThan(500);
  expect(presentPaper).toEqual(plainPaper);
});

for (const cdn of ["cloudfront", "cloudflare", "fastly", "keycdn"]) {
  test(`in presenter mode the ${cdn} checklist fits a 360 px wide screen: nothing wider than the viewport`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/checklist?${SAMPLE_QUERY.replace("cdn=cloudfront", `cdn=${cdn}`)}&present=1`);
    await expect(page.getByRole("link", { name: "Leave presenter mode" })).toBeVisible();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths).toEqual({ page: 360, viewport: 360 });
  });
}
