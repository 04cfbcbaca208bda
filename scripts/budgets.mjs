// First-load JavaScript budgets, measured like a browser's first visit: for each URL, the scripts the
// production server's HTML makes a modern browser download (<script src>, without noModule polyfills, plus
// <link rel="preload" as="script"> and modulepreload, which next/dynamic uses for the chunks a step renders),
// each gzip-compressed and summed. The framework floor is measured the same way on /_not-found: Next.js's
// built-in 404 page under the root layout, which ships no client code of its own, so it is the App Router's
// hello-world. Fails (exit 1) when a route is over budget. Usage: node scripts/budgets.mjs (after next build).
import zlib from "node:zlib";
import { startProductionServer } from "./prod-server.mjs";

const KB = 1024;
const q = "cdn=cloudfront&host=ablink.subdomain.customer.com&host=ablink.info.customer.com";
const SETUP = 170 * KB;
/** [label, path, budget in bytes or null for "measured only"] */
export const ROUTES = [
  ["framework floor (/_not-found)", "/_not-found", null],
  ["/", "/", 140 * KB],
  ["/setup: email provider", "/setup", SETUP],
  ["/setup: CDN", "/setup?step=cdn", SETUP],
  ["/setup: hostnames", "/setup?cdn=cloudfront&step=hosts", SETUP],
  ["/setup: mode", `/setup?${q}&step=mode`, SETUP],
  ["/setup: configure (manual)", `/setup?${q}&mode=manual&step=configure`, SETUP],
  ["/setup: configure (apply)", `/setup?${q}&mode=apply&step=configure`, SETUP],
  ["/setup: test", `/setup?${q}&mode=manual&step=test`, SETUP],
  ["/setup: DNS", `/setup?${q}&mode=manual&step=dns`, SETUP],
  ["/setup: next steps", `/setup?${q}&mode=manual&step=next`, SETUP],
  ["/checklist", `/checklist?${q}`, 135 * KB],
];

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, "i"))?.[1] ?? tag.match(new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`, "i"))?.[1];
const has = (tag, name) => new RegExp(`\\s${name}(\\s|=|>|/)`, "i").test(tag);

/** The script URLs a modern browser fetches for this HTML on first load, in document order, once each. */
export function firstLoadScripts(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src && !has(tag, "nomodule")) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (href && (rel === "modulepreload" || (rel === "preload" && (attr(tag, "as") ?? "").toLowerCase() === "script"))) urls.push(href);
  }
  return [...new Set(urls.map((u) => u.replaceAll("&amp;", "&")))];
}

export async function measure(base, path, cache = new Map()) {
  const res = await fetch(base + path);
  const html = await res.text();
  let bytes = 0;
  const scripts = firstLoadScripts(html);
  for (const src of scripts) {
    const url = new URL(src, base).toString();
    if (!cache.has(url)) {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`${url} answered ${r.status}`);
      cache.set(url, zlib.gzipSync(Buffer.from(await r.arrayBuffer()), { level: 9 }).length);
    }
    bytes += cache.get(url);
  }
  return { status: res.status, bytes, scripts: scripts.length };
}

const kb = (n) => (n / KB).toFixed(1);

async function main() {
  const external = process.env.BUDGET_BASE_URL;
  const server = external ? undefined : await startProductionServer();
  const base = external ?? server.url;
  try {
    const cache = new Map();
    const rows = [];
    for (const [label, path, budget] of ROUTES) rows.push({ label, path, budget, ...(await measure(base, path, cache)) });
    const floor = rows[0].bytes;
    const table = rows.map((r) => ({
      route: r.label,
      "first-load JS (kB gzip)": kb(r.bytes),
      scripts: r.scripts,
      "over floor (kB)": r.label.startsWith("framework") ? "" : kb(r.bytes - floor),
      "budget (kB)": r.budget === null ? "" : kb(r.budget),
      "margin (kB)": r.budget === null ? "" : kb(r.budget - r.bytes),
      result: r.budget === null ? "" : r.bytes <= r.budget ? "ok" : "OVER",
    }));
    console.log("First-load JavaScript per route (gzip, as a browser downloads it on a first visit):");
    console.table(table);
    const over = rows.filter((r) => r.budget !== null && r.bytes > r.budget);
    const broken = rows.filter((r) => r.status >= 500);
    if (broken.length > 0) console.error(`Server errors: ${broken.map((r) => `${r.path} → ${r.status}`).join(", ")}`);
    if (over.length > 0) console.error(`Over budget: ${over.map((r) => `${r.label} by ${kb(r.bytes - r.budget)} kB`).join(", ")}. Load less on that route; do not raise the budget.`);
    process.exitCode = over.length > 0 || broken.length > 0 ? 1 : 0;
  } finally {
    await server?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
