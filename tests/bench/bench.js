// `cargo xtask bench`: performance figures against the real server (release build,
// demo database of CG_BENCH_CUSTOMERS customers). Measured, never asserted.
//   API: sequential requests per endpoint, p50 / p95 / max in milliseconds.
//   App: time from navigation to the first data rows, median of runs, in Chromium.
const { chromium } = require("@playwright/test");

const base = process.env.CG_BASE_URL;
const runs = Number(process.env.CG_BENCH_RUNS || 30);

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
const fmt = (n) => n.toFixed(1).padStart(8);

async function timeRequest(method, path, body) {
  const t0 = performance.now();
  const r = await fetch(base + path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status}`);
  return performance.now() - t0;
}

async function api(json, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${await r.text()}`);
  return json ? r.json() : null;
}

(async () => {
  const customers = (await api(true, "GET", "/api/v1/customers?per_page=1")).total;
  // A group holding every customer: the worst case for member lists and De-select All.
  const big = await api(true, "POST", "/api/v1/customer-groups", { name: `Bench all ${Date.now()}` });
  const t0 = performance.now();
  await api(true, "POST", `/api/v1/customer-groups/${big.id}/customers/changes`, { assign_matching: { q: "", except: [] } });
  const assignAllMs = performance.now() - t0;
  const lastPage = Math.ceil(customers / 100);
  const endpoints = [
    ["groups list, page 1", "GET", "/api/v1/customer-groups"],
    ["groups search", "GET", "/api/v1/customer-groups?q=vip"],
    ["customers page 1", "GET", "/api/v1/customers"],
    [`customers last page (sort email desc, 100/page)`, "GET", `/api/v1/customers?page=${lastPage}&per_page=100&sort=email&order=desc`],
    ["customers search", "GET", "/api/v1/customers?q=schmidt"],
    [`members of a ${customers}-member group, page 1`, "GET", `/api/v1/customer-groups/${big.id}/customers`],
    ["members search", "GET", `/api/v1/customer-groups/${big.id}/customers?q=anna&sort=last_name`],
    ["available (not in the big group)", "GET", `/api/v1/customers?not_in_group=${big.id}`],
  ];
  const lines = [`API (${customers} customers; ${runs} sequential requests each; ms)`, `${"endpoint".padEnd(58)}      p50      p95      max`];
  for (const [name, method, path] of endpoints) {
    const ms = [];
    for (let i = 0; i < runs; i++) ms.push(await timeRequest(method, path));
    const s = stats(ms);
    lines.push(`${name.padEnd(58)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}`);
  }
  lines.push(`${`assign all ${customers} customers (one change)`.padEnd(58)} ${fmt(assignAllMs)}`);
  const t1 = performance.now();
  await api(true, "POST", `/api/v1/customer-groups/${big.id}/customers/changes`, { unassign_all: true });
  lines.push(`${`De-select All + Save on ${customers} members`.padEnd(58)} ${fmt(performance.now() - t1)}`);
  await api(false, "DELETE", `/api/v1/customer-groups/${big.id}`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const pages = [
    ["list: first rows", "/customer-groups", "[data-testid=groups-grid] tbody tr[data-id]"],
    ["add wizard, Customers tab: first rows", "/customer-groups/new?tab=customers", "[data-testid=customers-grid] tbody tr[data-id]"],
    ["view: members", "/customer-groups/1", "[data-testid=members-grid] tbody tr[data-id]"],
    ["edit: both grids", "/customer-groups/1/edit?tab=customers", "[data-testid=assigned-grid] tbody tr[data-id]"],
  ];
  const pageRuns = 7;
  lines.push("", `App in headless Chromium (cold page load each run, median of ${pageRuns}; ms)`);
  for (const [name, path, selector] of pages) {
    const ms = [];
    for (let i = 0; i < pageRuns; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const t = performance.now();
      await page.goto(base + path);
      await page.waitForSelector(selector);
      ms.push(performance.now() - t);
      await ctx.close();
    }
    lines.push(`${name.padEnd(58)} ${fmt(stats(ms).p50)}`);
  }
  // Paging in a running app: click Next and wait for the new first row.
  const page = await browser.newPage();
  await page.goto(base + "/customer-groups/new?tab=customers");
  await page.waitForSelector("[data-testid=customers-grid] tbody tr[data-id]");
  const pagingMs = [];
  for (let i = 0; i < 10; i++) {
    const before = await page.locator("[data-testid=customers-grid] tbody tr[data-id]").first().getAttribute("data-id");
    const t = performance.now();
    await page.getByTestId("customers-grid").getByRole("button", { name: "Next page" }).click();
    await page.waitForFunction(
      (b) => document.querySelector("[data-testid=customers-grid] tbody tr[data-id]")?.dataset.id !== b,
      before,
    );
    pagingMs.push(performance.now() - t);
  }
  lines.push(`${"customers grid: Next page to new rows (median of 10)".padEnd(58)} ${fmt(stats(pagingMs).p50)}`);
  await browser.close();
  console.log(lines.join("\n"));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
