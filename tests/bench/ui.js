// What an admin feels once the page is open: interaction timings measured in the page
// (probe.js), cold first useful paint, the JS heap while paging, for the app and for the
// vanilla-JS baseline (tests/bench/vanilla/). Used by bench.js.
const fs = require("fs");
const path = require("path");

const trace = require("./trace");

const PROBE = fs.readFileSync(path.join(__dirname, "probe.js"), "utf8");
const G = "[data-testid=customers-grid]";
const A = "[data-testid=assigned-grid]";
const COUNT = `${G} .cg-selbar__count`;
const TO_ASSIGN = "[data-testid=selected-to-assign] .cg-selection__title";
const TO_DEASSIGN = "[data-testid=selected-to-deassign] .cg-selection__title";
const nf = new Intl.NumberFormat("en");
const num = (n) => nf.format(n);
const SEARCH_TERMS = ["anna", "lukas", "meyer", "schmidt", "garcia", "sato", "weber", "omar"];

function stats(xs) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

/** A fresh browser context (empty cache and storage) with the probe, and its page. */
async function open(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript({ content: PROBE });
  const page = await ctx.newPage();
  // The leave guard asks before leaving unsaved work: say yes.
  page.on("dialog", (d) => d.accept().catch(() => {}));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { ctx, page, cdp };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "TaskDuration").value;
}

/**
 * One measured interaction: arm the probe for `event`, act through Playwright (a real,
 * trusted input), wait in the page for predicate `until` with `args`. Returns the probe's
 * figures plus `busy`: main-thread task time (CDP TaskDuration) over the same window.
 */
async function measure(h, event, act, until, args, timeoutMs = 30000) {
  const stop = h.traced ? await trace.start(h.cdp) : null;
  const before = await taskSeconds(h.cdp);
  await h.page.evaluate((t) => window.__cgb.arm(t), event);
  await act();
  const r = await h.page.evaluate(([n, a, t]) => window.__cgb.until(n, a, t), [until, args, timeoutMs]);
  r.busy = ((await taskSeconds(h.cdp)) - before) * 1000;
  if (stop) r.main = trace.breakdown(await stop());
  return r;
}

const firstId = (h, grid) => h.page.evaluate((g) => window.__cgb.firstId(g), grid);
const text = (h, sel) => h.page.evaluate((s) => window.__cgb.text(s), sel);
const waitText = (h, sel, expected) =>
  h.page.waitForFunction(([s, e]) => window.__cgb.text(s) === e, [sel, expected], { timeout: 60000 });

async function gridPage(browser, url, traced = false) {
  const h = await open(browser);
  h.traced = traced;
  await h.page.goto(url);
  await h.page.waitForSelector(`${G} tbody tr[data-id]`, { timeout: 60000 });
  await h.page.waitForFunction((g) => document.querySelector(g).getAttribute("aria-busy") !== "true", G);
  return h;
}

/** page, sort, search, toggle, header checkbox: the operations both pages have (`traced`:
 * each run inside a Chromium trace, its main-thread work split by trace.js; `sortBy`: the
 * column sorted, one every backend can sort by). */
async function gridOps(browser, url, runs, traced = false, sortBy = "Last Name") {
  const out = {};
  let h = await gridPage(browser, url, traced);
  const next = `${G} button[aria-label="Next page"]`;
  out.next_page = [];
  for (let i = 0; i < runs; i++) {
    const before = await firstId(h, G);
    out.next_page.push(await measure(h, "click", () => h.page.click(next), "rowsChanged", { grid: G, before }));
  }
  const sort = h.page.locator(`${G} th button.cg-sort`, { hasText: sortBy });
  out.sort = [];
  for (let i = 0; i < runs; i++) {
    const before = await firstId(h, G);
    out.sort.push(await measure(h, "click", () => sort.click(), "rowsChanged", { grid: G, before }));
  }
  await h.ctx.close();

  h = await gridPage(browser, url, traced);
  const box = h.page.locator(`${G} input[type=search]`);
  out.search = [];
  for (let i = 0; i < runs; i++) {
    const before = await firstId(h, G);
    const term = SEARCH_TERMS[i % SEARCH_TERMS.length];
    out.search.push(await measure(h, "input", () => box.fill(term), "rowsChanged", { grid: G, before }));
  }
  await h.ctx.close();

  h = await gridPage(browser, url, traced);
  const rowBox = `${G} tbody tr[data-id]:nth-child(3) input[type=checkbox]`;
  out.toggle_one = [];
  for (let i = 0; i < runs; i++) {
    const expected = `${i % 2 === 0 ? 1 : 0} selected`;
    out.toggle_one.push(await measure(h, "click", () => h.page.click(rowBox), "textIs", { sel: COUNT, expected }));
  }
  const head = `${G} thead input[type=checkbox]`;
  const rows = await h.page.locator(`${G} tbody tr[data-id]`).count();
  out.header_checkbox = [];
  for (let i = 0; i < runs; i++) {
    const on = i % 2 === 0;
    const expected = `${on ? num(rows) : 0} selected`;
    out.header_checkbox.push(
      await measure(h, "click", () => h.page.click(head), "allChecked", { grid: G, on, sel: COUNT, expected }),
    );
  }
  await h.ctx.close();
  return out;
}

/** "Select all N matching" on the app's customers grid (cleared again between runs). */
async function selectAll(browser, url, runs, total) {
  const h = await gridPage(browser, url);
  const button = h.page.locator(`${G} .cg-selbar button`, { hasText: "Select all" });
  const clear = h.page.locator("[data-testid=selected-to-assign] button", { hasText: "Clear selection" });
  const out = [];
  for (let i = 0; i < runs; i++) {
    await h.page.waitForFunction((s) => !document.querySelector(s)?.disabled, `${G} .cg-selbar button`);
    out.push(
      await measure(h, "click", () => button.click(), "textIs", { sel: COUNT, expected: `${num(total)} selected` }),
    );
    await clear.click();
    await waitText(h, COUNT, "0 selected");
  }
  await h.ctx.close();
  return out;
}

/** De-select All on the edit page of the group holding everyone ("Keep all" between runs). */
async function deselectAll(browser, base, group, runs, members) {
  const h = await open(browser);
  await h.page.goto(`${base}/customer-groups/${group}/edit?tab=customers`);
  await h.page.waitForSelector(`${A} tbody tr[data-id]`, { timeout: 60000 });
  const button = h.page.locator(`${A} .cg-selbar button`);
  const out = [];
  for (let i = 0; i < runs; i++) {
    await h.page.waitForFunction((s) => {
      const b = document.querySelector(s);
      return b && !b.disabled && b.textContent.includes("De-select All");
    }, `${A} .cg-selbar button`);
    out.push(
      await measure(h, "click", () => button.click(), "allChecked", {
        grid: A,
        on: false,
        sel: TO_DEASSIGN,
        expected: `Selected customers to de-assign (${num(members)})`,
      }),
    );
    await button.click(); // Keep all
    await waitText(h, TO_DEASSIGN, "Selected customers to de-assign (0)");
  }
  await h.ctx.close();
  return out;
}

/** The draft the Add wizard keeps in localStorage (src/model/draft.rs, selection.rs). */
function draftJson(customers) {
  const ids = {};
  for (const c of customers) {
    const name = `${c.first_name} ${c.last_name}`.trim() || c.email;
    ids[String(c.id)] = {
      label: name === c.email ? name : `${name} (${c.email})`,
      key: `${c.first_name}\u001f${c.last_name}\u001f${c.email}`.toLowerCase(),
    };
  }
  const none = { all: null, ids: {}, extra: {} };
  return JSON.stringify({ name: null, description: null, to_assign: { all: null, ids, extra: {} }, to_unassign: none });
}

async function withDraft(browser, base, draft) {
  const h = await open(browser);
  // Any page of the origin, to write its localStorage before the app starts.
  await h.page.goto(`${base}/api/v1/customer-groups?per_page=1`);
  await h.page.evaluate((d) => localStorage.setItem("cg-draft:new", d), draft);
  return h;
}

/** Removing one chip (×) with 1,000 customers selected. */
async function removeChip(browser, base, customers, runs) {
  const h = await withDraft(browser, base, draftJson(customers.slice(0, 1000)));
  await h.page.goto(`${base}/customer-groups/new?tab=customers&c_size=100`);
  await waitText(h, TO_ASSIGN, "Selected customers to assign (1,000)");
  const out = [];
  for (let i = 0; i < runs; i++) {
    const expected = `Selected customers to assign (${num(999 - i)})`;
    const chip = "[data-testid=selected-to-assign] li.cg-chip[data-id] button";
    out.push(await measure(h, "click", () => h.page.click(chip), "textIs", { sel: TO_ASSIGN, expected }));
  }
  await h.ctx.close();
  return out;
}

/** Opening the Add wizard's Customers tab with a stored draft of 10,000 picked customers:
 * ms from navigation to the painted chips and rows (fresh context each run). */
async function restoreDraft(browser, base, customers, runs) {
  const draft = draftJson(customers.slice(0, 10000));
  const out = { chips: [], rows: [], kib: draft.length / 1024 };
  for (let i = 0; i < runs; i++) {
    const h = await withDraft(browser, base, draft);
    await h.page.goto(`${base}/customer-groups/new?tab=customers&c_size=100`);
    await waitText(h, TO_ASSIGN, "Selected customers to assign (10,000)");
    const seen = await h.page.waitForFunction(() => {
      const s = window.__cgb.seen;
      return s.chips > 0 && s.customersRows > 0 && s;
    });
    const s = await seen.jsonValue();
    out.chips.push(s.chips);
    out.rows.push(s.customersRows);
    await h.ctx.close();
  }
  return out;
}

/** Cold first useful paint: ms from navigation to the frame showing the first data row
 * of `key` (probe.js FIRST_SEEN), fresh context (empty cache) each run. */
async function coldPaint(browser, url, key, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const h = await open(browser);
    await h.page.goto(url);
    out.push(await seen(h, key));
    await h.ctx.close();
  }
  return out;
}

/** Waits until the probe saw `key` painted; ms since navigation. */
async function seen(h, key) {
  const v = await h.page.waitForFunction((k) => window.__cgb.seen[k] > 0 && window.__cgb.seen[k], key, {
    timeout: 60000,
  });
  return v.jsonValue();
}

/** Cold loads inside a Chromium trace: main-thread work from navigation to the first data
 * row's frame, split by trace.js, and when the first API request left (ms). */
async function coldTraced(browser, url, key, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const h = await open(browser);
    const stop = await trace.start(h.cdp);
    await h.page.goto(url);
    const paint = await seen(h, key);
    const events = await stop();
    out.push({ paint, main: trace.breakdown(events, "nav", `cgb-seen-${key}`), apiSent: trace.sentAt(events, "/api/") });
    await h.ctx.close();
  }
  return out;
}

/** JS heap (after a forced GC), wasm linear memory and DOM nodes while paging through
 * `pages` pages of 100 rows. */
async function heap(browser, url, pages) {
  const h = await gridPage(browser, url);
  await h.cdp.send("HeapProfiler.enable");
  const sample = async (page) => {
    await h.cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await h.cdp.send("Runtime.getHeapUsage");
    const { nodes } = await h.cdp.send("Memory.getDOMCounters");
    const wasm = await h.page.evaluate(() => window.__cgb.wasmMemory?.buffer.byteLength ?? null);
    return { page, jsHeap: usedSize, wasm, nodes };
  };
  const samples = [await sample(1)];
  const next = `${G} button[aria-label="Next page"]`;
  const paging = [];
  for (let p = 2; p <= pages + 1; p++) {
    const before = await firstId(h, G);
    paging.push(await measure(h, "click", () => h.page.click(next), "rowsChanged", { grid: G, before }));
    if ((p - 1) % 10 === 0) samples.push(await sample(p));
  }
  await h.ctx.close();
  const a = samples[0];
  const b = samples[samples.length - 1];
  const per = (k) => (a[k] == null || b[k] == null ? null : (b[k] - a[k]) / (b.page - a.page));
  return { samples, perPage: { jsHeap: per("jsHeap"), wasm: per("wasm"), nodes: per("nodes") }, paging };
}

const IMPORT = "[data-testid=add-from-list]";

/**
 * "Add from a list" (Add page, Customers tab): the addresses of `customers` pasted, then
 * from the click on Check list (its event) to the painted summary reading "N found"
 * (measured in the page); a fresh page each run.
 */
async function resolveList(browser, base, customers, runs) {
  const text = customers.map((c) => c.email).join("\n");
  const expected = `${num(customers.length)} found`;
  const out = [];
  for (let i = 0; i < runs; i++) {
    const h = await gridPage(browser, `${base}/customer-groups/new?tab=customers`);
    await h.page.click(`${IMPORT} summary`);
    // As a paste: the whole text and one input event (Playwright's fill types a
    // multi-line text far too slowly: 11 s for 2,000 lines even on a blank page).
    await h.page.locator(`${IMPORT} textarea`).evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    const check = h.page.locator(IMPORT).getByRole("button", { name: "Check list" });
    const sel = "[data-testid=list-summary] li:first-child";
    out.push(await measure(h, "click", () => check.click(), "textIs", { sel, expected }, 300000));
    await h.ctx.close();
  }
  return out;
}

/**
 * "Export CSV" on the view page of `group` (`total` members): from the click to
 * Playwright's download event, timed in Node (the download is a browser event, not a
 * frame); busy = main-thread task time over the same window. A fresh page each run.
 */
async function exportMembers(browser, base, group, total, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const h = await open(browser);
    await h.page.goto(`${base}/customer-groups/${group}`);
    await h.page.getByText(`All ${num(total)} members`).waitFor({ timeout: 60000 });
    const button = h.page.getByRole("button", { name: "Export CSV" });
    await button.waitFor();
    const before = await taskSeconds(h.cdp);
    const downloaded = h.page.waitForEvent("download", { timeout: 300000 });
    const t0 = performance.now();
    await button.click();
    const download = await downloaded;
    const result = performance.now() - t0;
    const busy = ((await taskSeconds(h.cdp)) - before) * 1000;
    const bytes = fs.statSync(await download.path()).size;
    out.push({ result, busy, bytes });
    await h.ctx.close();
  }
  return out;
}

/** Lists in and out: resolving `customers` through Add from a list, exporting `group`. */
async function lists(browser, base, { group, total, runs, customers, log }) {
  log(`ui: Add from a list, ${num(customers.length)} addresses`);
  const resolve = await resolveList(browser, base, customers, runs);
  log(`ui: Export CSV, ${num(total)} members`);
  const exported = await exportMembers(browser, base, group, total, runs);
  return { runs, resolve, export: exported };
}

/** Every UI figure, app and baseline, in one run. */
async function run(browser, base, { group, total, runs, customers, log }) {
  const app = `${base}/customer-groups/new?tab=customers&c_size=100`;
  const vanilla = `${base}/vanilla/index.html?c_size=100`;
  const r = { runs, app: {}, vanilla: {} };
  log("ui: app grid operations");
  Object.assign(r.app, await gridOps(browser, app, runs));
  log("ui: vanilla grid operations");
  Object.assign(r.vanilla, await gridOps(browser, vanilla, runs));
  log("ui: select all matching");
  r.app.select_all_matching = await selectAll(browser, app, runs, total);
  log("ui: De-select All");
  r.app.deselect_all = await deselectAll(browser, base, group, runs, total);
  log("ui: remove one chip of 1,000");
  r.app.remove_chip_of_1000 = await removeChip(browser, base, customers, runs);
  log("ui: restore a 10,000-customer draft");
  r.draft = await restoreDraft(browser, base, customers, Math.min(runs, 10));
  log("ui: cold loads");
  const coldRuns = Math.min(runs, 10);
  r.cold = {
    list: await coldPaint(browser, `${base}/customer-groups`, "groupsRows", coldRuns),
    add_customers_tab: await coldPaint(browser, app, "customersRows", coldRuns),
    edit_big_group: await coldPaint(browser, `${base}/customer-groups/${group}/edit?tab=customers`, "assignedRows", coldRuns),
    vanilla_grid: await coldPaint(browser, vanilla, "customersRows", coldRuns),
  };
  log("ui: traced runs (where the main thread's time goes)");
  const traceRuns = Math.min(runs, 5);
  r.traced = {
    app: await gridOps(browser, app, traceRuns, true),
    vanilla: await gridOps(browser, vanilla, traceRuns, true),
    cold_list: await coldTraced(browser, `${base}/customer-groups`, "groupsRows", traceRuns),
    cold_vanilla: await coldTraced(browser, vanilla, "customersRows", traceRuns),
  };
  log("ui: heap while paging 50 pages");
  r.heap = { app: await heap(browser, app, 50), vanilla: await heap(browser, vanilla, 50) };
  return r;
}

/** Save on Add with `customers` picked (a stored draft), until the success toast shows;
 * a fresh context and a new group name each run. */
async function saveAssignments(browser, base, customers, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const h = await withDraft(browser, base, draftJson(customers));
    await h.page.goto(`${base}/customer-groups/new?tab=customers`);
    await waitText(h, TO_ASSIGN, `Selected customers to assign (${num(customers.length)})`);
    await h.page.getByRole("tab", { name: /General Information/ }).click();
    await h.page.getByRole("textbox", { name: /^Name\b/ }).fill(`Bench Save ${Date.now()} ${i}`);
    const save = h.page.getByRole("button", { name: "Save" });
    out.push(
      await measure(h, "click", () => save.click(), "textHas", { sel: ".cg-toast--success", expected: "Customer group was created successfully." }, 120000),
    );
    await h.ctx.close();
  }
  return out;
}

/** The interactions an admin feels most on one backend's page at `base` (the Add
 * wizard's customers grid; De-select All on `group` of `members`; Save of `picks`). */
async function backendOps(browser, base, { group, members, picks, runs, sortBy }) {
  const app = `${base}/customer-groups/new?tab=customers&c_size=100`;
  const r = await gridOps(browser, app, runs, false, sortBy);
  r.deselect_all = await deselectAll(browser, base, group, runs, members);
  r.save_assignments = await saveAssignments(browser, base, picks, Math.min(runs, 5));
  return r;
}

module.exports = { run, lists, stats, gridOps, coldTraced, backendOps, SEARCH_TERMS };
